// Joins a workspace from an emailed invitation (#token=…): a name and a password, then the
// person is signed in.
import { useNavigate } from "react-router";
import { ui } from "../components/ui";
import { api, startSession } from "../session";
import { AuthCard, fieldError, tokenFromLink } from "./AuthCard";
import { newPassword, PasswordFields } from "./PasswordFields";
import { useAuthForm } from "./useAuthForm";

export function AcceptInvite() {
  const navigate = useNavigate();
  const form = useAuthForm(async (data) => {
    const { token, user } = await api.invites.accept({
      token: tokenFromLink(),
      name: String(data.get("name")),
      password: newPassword(data),
    });
    // Whoever was signed in on this browser before, the new member is now.
    startSession(token, user);
    navigate("/", { replace: true });
  });
  return (
    <AuthCard title="Join ReHome">
      <form className="space-y-4" onSubmit={form.onSubmit}>
        <label className={ui.label}>
          Your name
          <input name="name" required maxLength={120} autoComplete="name" className={`${ui.field} mt-1`} />
        </label>
        <PasswordFields error={fieldError(form.error, "password")} />
        {form.message && (
          <p role="alert" className="text-sm text-red-700">
            {form.message}
          </p>
        )}
        <button type="submit" disabled={form.busy} className={`${ui.primary} w-full`}>
          Join
        </button>
      </form>
    </AuthCard>
  );
}
