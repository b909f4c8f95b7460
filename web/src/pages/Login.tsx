// Sign in with email and password; errors come back in the API's own words.
import { ApiError } from "@rehome/client";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api, signIn } from "../session";

export function Login() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold text-emerald-800">Sign in to ReHome</h1>
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
            signIn(token, user);
            navigate("/");
          } catch (caught) {
            setError(caught instanceof ApiError ? caught.message : "Cannot reach ReHome. Try again.");
          } finally {
            setBusy(false);
          }
        }}
      >
        <label className="block text-sm">
          Email
          <input
            name="email"
            type="email"
            required
            autoComplete="username"
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm">
          Password
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
