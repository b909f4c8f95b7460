import type { Actor } from "../actor";
import { config } from "../config";
import { refusalOf } from "../error";
import { Usage } from "../usage";

const WINDOW_SECONDS = 60;

/**
 * At most one password-reset email per person per window (fixed, like every limit here), so
 * repeated requests can neither flood an inbox nor keep replacing the link it holds.
 */
export const RESET_EMAIL_WINDOW_SECONDS = 5 * 60;

/** Counting and refusing are Usage's fixed windows (TTL counters in the Realtime table). */
const consume = (key: string, max: number, message: string) =>
  // A limit of 0 switches that limit off.
  max > 0 ? Usage.consume([{ key, max, windowSeconds: WINDOW_SECONDS, message }]) : Promise.resolve();

/** Counts one request: against its token when signed in, else against the client's IP. */
export async function request(actor: Actor, ip: string): Promise<void> {
  if (actor.type === "user")
    return consume(
      `http:token:${actor.tokenId ?? actor.userId}`,
      config().rateLimits.perTokenMinute,
      "Too many requests with this token. Slow down and retry shortly.",
    );
  return unauthenticated(ip);
}

/**
 * Counts one request that proves no identity against the client's IP: an anonymous one, or one
 * whose bearer token failed, so bogus or revoked tokens cannot be tried without limit.
 */
export async function unauthenticated(ip: string): Promise<void> {
  return consume(
    `http:ip:${ip}`,
    config().rateLimits.perIpMinute,
    "Too many requests from your address. Retry shortly.",
  );
}

/** Counts one attempt at an endpoint that takes a password or an emailed link. */
export async function credentials(ip: string): Promise<void> {
  return consume(
    `http:credentials:${ip}`,
    config().rateLimits.credentialsPerIpMinute,
    "Too many attempts from your address. Wait a minute and try again.",
  );
}

/** Counts a password-reset email to a person; false when one went to them in this window already. */
export async function resetEmail(userId: string): Promise<boolean> {
  const limit = {
    key: `mail:reset:${userId}`,
    max: 1,
    windowSeconds: RESET_EMAIL_WINDOW_SECONDS,
    message: "A reset link was sent a moment ago.",
  };
  return (await refusalOf(() => Usage.consume([limit]))) === undefined;
}
