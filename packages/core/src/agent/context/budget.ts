// How a context spends its token budget (DESIGN §7): a reserve (AI_TOKEN_SAFETY, 10% by default)
// for the system prompt and formatting, the rest split messages / tasks / files+meta. Each share takes whole items in rank
// order and stops at the first that does not fit, so what is dropped is always the tail. Pure.

export type Share = "messages" | "tasks" | "meta";
export const SHARES: readonly Share[] = ["messages", "tasks", "meta"];

export interface Budget {
  totalTokens: number;
  /** Fractions of the usable budget per share; they add up to 1. */
  split: Record<Share, number>;
  /** Fraction kept free for the system prompt, the question and the data's framing. */
  reserve: number;
}

/** A rough token count: about four characters a token for English text. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/** Tokens each share may spend before any unused budget flows between shares. */
export function allotments(budget: Budget): Record<Share, number> {
  const usable = budget.totalTokens * (1 - budget.reserve);
  return {
    messages: Math.floor(usable * budget.split.messages),
    tasks: Math.floor(usable * budget.split.tasks),
    meta: Math.floor(usable * budget.split.meta),
  };
}

/**
 * Given each share's item costs in rank order, how many items each keeps and what they spend.
 * A share that runs out of items leaves its unused tokens to the others (largest share first),
 * which then continue their own rank order with it; the total never exceeds the usable budget.
 */
export function allocate(costs: Record<Share, number[]>, budget: Budget) {
  const allowed = allotments(budget);
  const counts: Record<Share, number> = { messages: 0, tasks: 0, meta: 0 };
  const spent: Record<Share, number> = { messages: 0, tasks: 0, meta: 0 };
  const take = (share: Share, tokens: number) => {
    let left = tokens;
    for (const cost of costs[share].slice(counts[share])) {
      if (cost > left) break;
      left -= cost;
      counts[share] += 1;
    }
    spent[share] += tokens - left;
    return tokens - left;
  };
  for (const share of SHARES) take(share, allowed[share]);
  let pool = SHARES.reduce((sum, share) => sum + allowed[share] - spent[share], 0);
  for (const share of [...SHARES].sort((a, b) => budget.split[b] - budget.split[a]))
    pool -= take(share, pool);
  return { counts, spent };
}
