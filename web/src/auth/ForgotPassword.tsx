// Asks for a reset link by email. The answer never says whether the address is known.
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../session";
import { AuthCard, AuthSubmit, EmailField } from "./AuthCard";
import { useAuthForm } from "./useAuthForm";

export function ForgotPassword() {
  const [sent, setSent] = useState(false);
  const form = useAuthForm(async (data) => {
    await api.password.forgot({ email: String(data.get("email")) });
    setSent(true);
  });
  return (
    <AuthCard title="Reset your password">
      {sent ? (
        <p role="status" className="text-sm text-slate-700">
          If that address has an account, a link to reset the password is on its way. It works once and
          expires soon.
        </p>
      ) : (
        <form className="space-y-4" onSubmit={form.onSubmit}>
          <EmailField />
          <AuthSubmit form={form}>Send the link</AuthSubmit>
        </form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/login" className="text-emerald-800 underline">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
