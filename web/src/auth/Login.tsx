// Sign in with email and password; errors come back in the API's own words. Returns the
// person to the page that sent them here.
import { Link, Navigate, useLocation } from "react-router";
import { ui } from "../components/ui";
import { api, startSession, useSession } from "../session";
import { AuthCard } from "./AuthCard";
import { useAuthForm } from "./useAuthForm";

export function Login() {
  const user = useSession();
  const location = useLocation();
  const form = useAuthForm(async (data) => {
    const { token, user } = await api.login({
      email: String(data.get("email")),
      password: String(data.get("password")),
    });
    startSession(token, user);
  });
  if (user) return <Navigate to={(location.state as { from?: string } | null)?.from ?? "/"} replace />;
  return (
    <AuthCard title="Sign in">
      <form className="space-y-4" onSubmit={form.onSubmit}>
        <label className={ui.label}>
          Email
          <input name="email" type="email" required autoComplete="username" className={`${ui.field} mt-1`} />
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
        {form.message && (
          <p role="alert" className="text-sm text-red-700">
            {form.message}
          </p>
        )}
        <button type="submit" disabled={form.busy} className={`${ui.primary} w-full`}>
          {form.busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="text-center text-sm">
          <Link to="/forgot-password" className="text-emerald-800 underline">
            Forgot your password?
          </Link>
        </p>
      </form>
    </AuthCard>
  );
}
