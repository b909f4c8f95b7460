// Joins a workspace from an emailed invitation (#/accept-invite?token=…): the page first asks
// who invites whom (naming the workspace and the inviter, the name filled in), and says at once
// when the link was used, withdrawn or has expired, with the way to sign in instead. Then a
// name and a password, and the person is signed in.
import { ApiError } from "@rehome/client";
import { ROLE_WORDS } from "@rehome/core/words";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { TextField } from "../components/Field";
import { Loading } from "../components/States";
import { ui } from "../components/ui";
import { api, startSession } from "../session";
import { AuthCard, AuthSubmit, fieldError, useLinkToken } from "./AuthCard";
import { newPassword, PasswordFields } from "./PasswordFields";
import { useAuthForm } from "./useAuthForm";

export function AcceptInvite() {
  const navigate = useNavigate();
  const linkToken = useLinkToken();
  const invitation = useQuery({
    queryKey: ["invite-preview", linkToken],
    queryFn: () => api.invites.preview(linkToken),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
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
  if (invitation.isPending)
    return (
      <AuthCard title="Join ReHome">
        <Loading what="your invitation" />
      </AuthCard>
    );
  if (invitation.isError) return <UnusableLink error={invitation.error} />;
  const { workspaceName, inviterName, name, email, role } = invitation.data;
  return (
    <AuthCard title={`Join ${workspaceName}`}>
      <p className="mb-4 text-sm text-slate-600 [overflow-wrap:anywhere]">
        {inviterName} invited you ({email}) to join {workspaceName} on ReHome as{" "}
        {ROLE_WORDS[role].toLowerCase()}.
      </p>
      <form className="space-y-4" onSubmit={form.onSubmit}>
        <TextField
          label="Your name"
          name="name"
          required
          maxLength={120}
          autoComplete="name"
          defaultValue={name}
        />
        <PasswordFields error={fieldError(form.error, "password")} />
        <AuthSubmit form={form}>Join</AuthSubmit>
      </form>
    </AuthCard>
  );
}

/** A link that can no longer be used: why, in words, and the way on. */
function UnusableLink({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.code : "";
  const why =
    code === "link.used"
      ? "This invitation link was already used, or it was replaced by a newer one. If you have joined, sign in; otherwise ask for a new invitation."
      : code === "link.expired"
        ? "This invitation link has expired. Ask whoever invited you to send a new one."
        : error instanceof ApiError && error.status === 400
          ? "This invitation link is not valid. Check that you opened the whole link from the email."
          : "We could not check this invitation just now. Try again in a moment.";
  return (
    <AuthCard title="This invitation can't be used">
      <p role="alert" className="text-sm text-slate-700">
        {why}
      </p>
      <Link to="/login" className={`${ui.primary} mt-6 w-full`}>
        Go to sign in
      </Link>
    </AuthCard>
  );
}
