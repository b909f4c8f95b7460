// The frame of the signed-out pages (sign in, forgot and reset password, accept invite) and
// the end every one of their forms shares: the refusal in words, then the full-width submit.
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import { TextField } from "../components/Field";
import { ui } from "../components/ui";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 pt-24">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-emerald-800">ReHome</p>
        <h1 className="mb-6 text-2xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}

/**
 * The single-use token of an emailed link (`#/reset-password?token=…`): the route's query is
 * part of the URL fragment, so the token never travels to a server.
 */
export const useLinkToken = () => useSearchParams()[0].get("token") ?? "";

/** A field error from the API's validation details, if it names this field. */
export function fieldError(error: unknown, field: string): string | undefined {
  const details = (error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return undefined;
  return (details as { path?: string; message?: string }[]).find((d) => d.path === field)?.message;
}

/** The refusal (if any) above the form's one submit button. */
export function AuthSubmit({
  form,
  children,
}: {
  form: { message?: string; busy: boolean };
  children: ReactNode;
}) {
  return (
    <>
      {form.message && (
        <p role="alert" className="text-sm text-red-700">
          {form.message}
        </p>
      )}
      <button type="submit" disabled={form.busy} className={`${ui.primary} w-full`}>
        {children}
      </button>
    </>
  );
}

export const EmailField = () => (
  <TextField label="Email" name="email" type="email" required autoComplete="username" />
);
