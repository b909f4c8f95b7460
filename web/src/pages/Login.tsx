// Sign in with email and password; errors come back in the API's own words. Returns the
// person to the page that sent them here.
import { ApiError } from "@rehome/client";
import { useState } from "react";
import { Navigate, useLocation } from "react-router";
import { ui } from "../components/ui";
import { api, startSession, useSession } from "../session";

export function Login() {
  const user = useSession();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (user) return <Navigate to={(location.state as { from?: string } | null)?.from ?? "/"} replace />;
  return (
    <main className="flex min-h-screen items-start justify-center px-4 pt-24">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-emerald-800">ReHome</p>
        <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
        <form
          className="space-y-4"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            setBusy(true);
            setError(undefined);
            try {
              const { token, user } = await api.login({
                email: String(form.get("email")),
                password: String(form.get("password")),
              });
              startSession(token, user);
            } catch (caught) {
              setError(caught instanceof ApiError ? caught.message : "Sign-in failed. Try again.");
              setBusy(false);
            }
          }}
        >
          <label className={ui.label}>
            Email
            <input
              name="email"
              type="email"
              required
              autoComplete="username"
              className={`${ui.field} mt-1`}
            />
          </label>
          <label className={ui.label}>
            Password
            <input
              name="password"
              type="password"
              required
              autoComplete="current-password"
              className={`${ui.field} mt-1`}
            />
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy} className={`${ui.primary} w-full`}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </div>
    </main>
  );
}
