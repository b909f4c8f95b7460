import type { Actor } from "../actor";
import { config } from "../config";
import { Usage } from "../usage";

const WINDOW_SECONDS = 60;

/** Counting and refusing are Usage's fixed windows (TTL counters in the Realtime table). */
const consume = (key: string, max: number, message: string) =>
  // A limit of 0 switches that limit off.
  max > 0 ? Usage.consume([{ key, max, windowSeconds: WINDOW_SECONDS, message }]) : Promise.resolve();

/** Counts one request: against its token when signed in, else against the client's IP. */
export async function request(actor: Actor, ip: string): Promise<void> {
  const { perTokenMinute, perIpMinute } = config().rateLimits;
  if (actor.type === "user")
    return consume(
      `http:token:${actor.tokenId ?? actor.userId}`,
      perTokenMinute,
      "Too many requests with this token. Slow down and retry shortly.",
    );
  return consume(`http:ip:${ip}`, perIpMinute, "Too many requests from your address. Retry shortly.");
}

/** Counts one attempt at an endpoint that takes a password or an emailed link. */
export async function credentials(ip: string): Promise<void> {
  return consume(
    `http:credentials:${ip}`,
    config().rateLimits.credentialsPerIpMinute,
    "Too many attempts from your address. Wait a minute and try again.",
  );
}
