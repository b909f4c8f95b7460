// Why the assistant refuses new questions, from the API's error: too many questions (429),
// the AI budget spent (429 agent.budget_exhausted), the provider down (503 agent.unavailable)
// or the assistant switched off (503). Other errors are shown as plain failures.
import { ApiError } from "@rehome/client";

export type BlockKind = "rate_limit" | "budget" | "unavailable" | "disabled";

export interface Blocked {
  kind: BlockKind;
  title: string;
  /** The API's own words. */
  message: string;
  /** When asking is allowed again (ms epoch); absent when only an admin (or time) can lift it. */
  until?: number;
}

const TITLES: Record<BlockKind, string> = {
  rate_limit: "Too many questions",
  budget: "The AI budget is spent",
  unavailable: "The assistant is unavailable",
  disabled: "The assistant is switched off",
};

export function blockedBy(error: unknown, now = Date.now()): Blocked | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const kind = kindOf(error);
  if (!kind) return undefined;
  return {
    kind,
    title: TITLES[kind],
    message: error.message,
    until: error.retryAfter ? now + error.retryAfter * 1000 : undefined,
  };
}

function kindOf(error: ApiError): BlockKind | undefined {
  if (error.status === 429) return error.code === "agent.budget_exhausted" ? "budget" : "rate_limit";
  if (error.status === 503) return error.code === "agent.unavailable" ? "unavailable" : "disabled";
  return undefined;
}

/** What the person can do about it, in one sentence. */
export function nextStep(block: Blocked, isAdmin: boolean): string {
  const at = block.until && new Date(block.until);
  const when =
    at && (at.toDateString() === new Date().toDateString() ? at.toLocaleTimeString() : at.toLocaleString());
  switch (block.kind) {
    case "rate_limit":
      return when ? `You can ask again at ${when}.` : "An admin can raise the limit.";
    case "budget":
      // The API's message already says when the budget renews.
      return isAdmin ? "You can raise it in Admin → Cost & budgets." : "An admin can raise it.";
    case "unavailable":
      return when ? `Try again at ${when}.` : "Try again in a moment.";
    case "disabled":
      return isAdmin
        ? "It is switched off in the deployment's settings."
        : "Ask an admin when it will be back.";
  }
}
