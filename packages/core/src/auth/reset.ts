// Password reset by email: a single-use, expiring link; using it sets the new password and
// ends every session, since a reset usually means the old password is no longer trusted.
import * as z from "zod";
import { enqueue } from "../agent/job";
import { nowIso } from "../util";
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
 * Queues the reset email (auth/reset-email.ts sends it from the agent worker). The request does
 * the same work for every email, known or not: validate and one SendMessage, so neither its
 * answer nor its timing can be used to find accounts. Nothing may run after a Lambda's response,
 * hence the queue rather than a send left running.
 */
export async function requestPasswordReset(input: z.input<typeof ForgotPasswordInput>): Promise<void> {
  const { email } = ForgotPasswordInput.parse(input);
  await enqueue({ type: "password.reset", email, requestedAt: nowIso() });
}

export async function resetPassword(input: z.input<typeof ResetPasswordInput>): Promise<void> {
  const { token, password } = ResetPasswordInput.parse(input);
  const link = await Link.open(token, "reset");
  await Link.redeem(link, "active", { passwordHash: await hashPassword(password) });
  await endAll(link.workspaceId, link.userId);
}
