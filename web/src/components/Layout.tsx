// The signed-in frame: the header (navigation by role, live state, who is signed in, sign
// out) around the current page. Sends anyone without a session to sign in.
import { ROLE_WORDS } from "@rehome/core/words";
import { useQueryClient } from "@tanstack/react-query";
import { Link, Navigate, NavLink, Outlet, useLocation } from "react-router";
import { NotificationBell } from "../notifications/NotificationBell";
import { signOut, useSession } from "../session";
import { ConnectionBadge } from "./ConnectionBadge";
import { ui } from "./ui";

export function Layout() {
  const user = useSession();
  const location = useLocation();
  const queries = useQueryClient();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const nav = [
    { to: "/", name: "Projects" },
    ...(user.role === "admin" ? [{ to: "/admin", name: "Admin" }] : []),
  ];
  return (
    <div className="min-h-screen">
      {/* The fragment holds the route (router.tsx): the skip link moves focus without touching it. */}
      <a
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById("main")?.focus();
        }}
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl items-center gap-x-2 px-3 py-2 sm:gap-x-4 sm:px-6 sm:py-2.5">
          <Link to="/" className="text-base font-semibold text-emerald-800 sm:text-lg">
            ReHome
          </Link>
          <nav aria-label="Main" className="flex gap-0.5 sm:gap-1">
            {nav.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end={item.to === "/"}
                className={({ isActive }) =>
                  `rounded-md px-2 py-1.5 text-sm sm:px-2.5 ${isActive ? "bg-emerald-50 font-medium text-emerald-900" : "text-slate-600 hover:bg-slate-100"}`
                }
              >
                {item.name}
              </NavLink>
            ))}
          </nav>
          <span className="grow" />
          <ConnectionBadge />
          <NotificationBell userId={user.id} />
          {/* On a phone the header keeps one row: who is signed in shows from tablets up. */}
          <span className="hidden text-sm text-slate-600 md:inline" data-testid="whoami">
            {user.name} <span className="text-slate-400">·</span> {ROLE_WORDS[user.role]}
          </span>
          <button
            type="button"
            className={`${ui.secondary} px-2 py-1.5 sm:px-3`}
            onClick={async () => {
              await signOut();
              queries.clear();
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none sm:px-6">
        <Outlet />
      </main>
    </div>
  );
}
