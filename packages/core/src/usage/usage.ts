import { tooManyRequests } from "../error";
import { epochSeconds } from "../tables";
import { RateWindowEntity } from "./entity";

export interface Limit {
  /** What is counted, e.g. `agent:user:123:minute`. */
  key: string;
  max: number;
  windowSeconds: number;
  /** The message a refused caller reads. */
  message: string;
}

/**
 * Counts one use against each limit (one atomic increment per window) and refuses with 429 and
 * Retry-After when any is over. Counting before checking keeps it a single write per limit.
 */
export async function consume(limits: Limit[], now = new Date()): Promise<void> {
  const at = epochSeconds(now);
  const counts = await Promise.all(
    limits.map(async (limit) => {
      const windowStart = at - (at % limit.windowSeconds);
      const { data } = await RateWindowEntity()
        .upsert({ key: limit.key, windowStart, expiresAt: windowStart + limit.windowSeconds + 60 })
        .add({ count: 1 })
        .go({ response: "all_new" });
      return { limit, count: data.count ?? 1, retryAfter: windowStart + limit.windowSeconds - at };
    }),
  );
  const over = counts.find((c) => c.count > c.limit.max);
  if (over) throw tooManyRequests(over.limit.message, Math.max(1, over.retryAfter));
}
