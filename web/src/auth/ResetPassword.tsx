// Sets a new password from an emailed link (#/reset-password?token=…); every session ends, so
// the person signs in again with it.
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../session";
import { AuthCard, AuthSubmit, fieldError, useLinkToken } from "./AuthCard";
import { newPassword, PasswordFields } from "./PasswordFields";
import { useAuthForm } from "./useAuthForm";

export function ResetPassword() {
  const [done, setDone] = useState(false);
  const token = useLinkToken();
  const form = useAuthForm(async (data) => {
    await api.password.reset({ token, password: newPassword(data) });
    setDone(true);
  });
  return (
    <AuthCard title="Choose a new password">
      {done ? (
        <p role="status" className="text-sm text-slate-700">
          Your password is changed and every session was signed out.{" "}
          <Link to="/login" className="text-emerald-800 underline">
            Sign in
          </Link>
        </p>
      ) : (
        <form className="space-y-4" onSubmit={form.onSubmit}>
          <PasswordFields error={fieldError(form.error, "password")} />
          <AuthSubmit form={form}>Set the password</AuthSubmit>
        </form>
      )}
    </AuthCard>
  );
}
