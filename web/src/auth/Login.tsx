// Sign in with email and password; errors come back in the API's own words. Returns the
// person to the page that sent them here.
import { Link, Navigate, useLocation } from "react-router";
import { TextField } from "../components/Field";
import { api, startSession, useSession } from "../session";
import { AuthCard, AuthSubmit, EmailField } from "./AuthCard";
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
        <EmailField />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
        />
        <AuthSubmit form={form}>{form.busy ? "Signing in…" : "Sign in"}</AuthSubmit>
        <p className="text-center text-sm">
          <Link to="/forgot-password" className="text-emerald-800 underline">
            Forgot your password?
          </Link>
        </p>
      </form>
    </AuthCard>
  );
}
