// The agent worker's half of a forgot-password request (reset.ts only queues it): the lookup, the
// link and the email. Apart from reset.ts so the worker's bundle carries no password hashing.
import { config } from "../config";
import { logger } from "../log";
import { Mail } from "../mail";
import { RateLimit } from "../ratelimit";
import { User } from "../user";
import * as Link from "./link";

/**
 * Emails a reset link if the email is an active account's. A request older than a link lives (a
 * redrive from the DLQ) is dropped, and one within RateLimit.resetEmail's window of the last
 * email sends nothing, leaving the link already sent working. A failed email throws, so SQS
 * retries the job; a retry after the window sends a new link.
 */
export async function emailResetLink(email: string, requestedAt: string): Promise<void> {
  const ttlMs = config().links.resetTtlMinutes * 60_000;
  if (Date.parse(requestedAt) + ttlMs <= Date.now()) {
    logger().info("stale password reset request dropped", { requestedAt });
    return;
  }
  const user = await User.findByEmail(email);
  if (!user || user.status !== "active") return;
  if (!(await RateLimit.resetEmail(user.id))) {
    logger().info("password reset email throttled", { userId: user.id });
    return;
  }
  const { token, link } = await Link.issue({
    purpose: "reset",
    workspaceId: user.workspaceId,
    userId: user.id,
    email: user.email,
    createdBy: user.id,
    ttlMs,
  });
  await Mail.send(Mail.resetEmail({ to: user.email, token, expiresAt: link.expiresAt }));
}
