// Password reset by email: a single-use, expiring link; using it sets the new password and
// ends every session, since a reset usually means the old password is no longer trusted.
import * as z from "zod";
import { config } from "../config";
import { logger } from "../log";
import { Mail } from "../mail";
import { User } from "../user";
import * as Link from "./link";
import { hashPassword, Password } from "./password";
import { endAll } from "./sessions";

export const ForgotPasswordInput = z
  .object({ email: z.string().min(1).max(254) })
  .strict()
  .meta({ id: "ForgotPasswordInput" });

export const ResetPasswordInput = z
  .object({ token: z.string().min(1).max(256), password: Password })
  .strict()
  .meta({ id: "ResetPasswordInput" });

/**
 * Emails a reset link to an active account. The answer is the same whether or not the email
 * is known (and a mail failure is only logged), so the endpoint cannot be used to find accounts.
 */
export async function requestPasswordReset(input: z.input<typeof ForgotPasswordInput>): Promise<void> {
  const { email } = ForgotPasswordInput.parse(input);
  const user = await User.findByEmail(email);
  if (!user || user.status !== "active") return;
  const { token, link } = await Link.issue({
    purpose: "reset",
    workspaceId: user.workspaceId,
    userId: user.id,
    email: user.email,
    createdBy: user.id,
    ttlMs: config().links.resetTtlMinutes * 60_000,
  });
  await Mail.send(Mail.resetEmail({ to: user.email, token, expiresAt: link.expiresAt })).catch((error) =>
    logger().error("password reset email failed", { userId: user.id, error: String(error) }),
  );
}

export async function resetPassword(input: z.input<typeof ResetPasswordInput>): Promise<void> {
  const { token, password } = ResetPasswordInput.parse(input);
  const link = await Link.open(token, "reset");
  await Link.redeem(link, "active", { passwordHash: await hashPassword(password) });
  await endAll(link.workspaceId, link.userId);
}
