// The signed-in frame: header with the person, the live connection state and sign-out.

import type { ConnectionState } from "@rehome/client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, Navigate, Outlet, useNavigate } from "react-router";
import { currentUser, signOut, useRealtimeConnection } from "../session";

export function Layout() {
  const user = currentUser();
  if (!user) return <Navigate to="/login" replace />;
  return (
    <div className="min-h-screen">
      <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-6 py-3">
        <Link to="/" className="text-lg font-semibold text-emerald-800">
          ReHome
        </Link>
        <span className="grow" />
        <ConnectionBadge />
        <span className="text-sm text-slate-600" data-testid="whoami">
          {user.name} · {user.role}
        </span>
        <SignOut />
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}

function ConnectionBadge() {
  const realtime = useRealtimeConnection();
  const [state, setState] = useState<ConnectionState>(realtime.state());
  useEffect(() => {
    const off = realtime.onState(setState);
    return () => {
      off();
    };
  }, [realtime]);
  const label = {
    connecting: "Connecting…",
    connected: "Live",
    reconnecting: "Reconnecting…",
    disconnected: "Offline",
  }[state];
  const tone = state === "connected" ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800";
  return (
    <span
      role="status"
      aria-live="polite"
      className={`rounded-full px-2 py-0.5 text-xs ${tone}`}
      data-testid="connection"
    >
      {label}
    </span>
  );
}

function SignOut() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
      onClick={async () => {
        await signOut();
        queries.clear();
        navigate("/login");
      }}
    >
      Sign out
    </button>
  );
}
