// Joins a workspace from an emailed invitation (#/accept-invite?token=…): a name and a
// password, then the person is signed in.
import { useNavigate } from "react-router";
import { TextField } from "../components/Field";
import { api, startSession } from "../session";
import { AuthCard, AuthSubmit, fieldError, useLinkToken } from "./AuthCard";
import { newPassword, PasswordFields } from "./PasswordFields";
import { useAuthForm } from "./useAuthForm";

export function AcceptInvite() {
  const navigate = useNavigate();
  const linkToken = useLinkToken();
  const form = useAuthForm(async (data) => {
    const { token, user } = await api.invites.accept({
      token: linkToken,
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
        <TextField label="Your name" name="name" required maxLength={120} autoComplete="name" />
        <PasswordFields error={fieldError(form.error, "password")} />
        <AuthSubmit form={form}>Join</AuthSubmit>
      </form>
    </AuthCard>
  );
}
