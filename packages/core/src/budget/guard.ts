// Refuses a question once a budget is spent (429 `agent.budget_exhausted`, Retry-After until
// the period resets) and tells the digest job when the workspace's budget is gone. Reads only.
import type { UserActor } from "../actor";
import { VisibleError } from "../error";
import * as Metric from "../metrics";
import { secondsUntilEnd } from "./period";
import { isLimited, isSpent, type Kind, scopesOf, spentIn } from "./scopes";
import { budgetsOf } from "./settings";

const REFUSALS: Record<Kind, string> = {
  userDaily: "You have used your assistant budget for today. It resets at midnight UTC.",
  workspaceDaily: "Your workspace has used its assistant budget for today. It resets at midnight UTC.",
  workspaceMonthly:
    "Your workspace has used its assistant budget for this month. It resets on the 1st (UTC).",
};

/** Throws 429 when any budget of the asker is spent; nothing is written either way. */
export async function ensureAvailable(user: UserActor, now = new Date()): Promise<void> {
  const budgets = await budgetsOf(user.workspaceId);
  const scopes = scopesOf(budgets, user.workspaceId, now, user.userId).filter(isLimited);
  const spent = await spentIn(scopes);
  const index = scopes.findIndex((scope, i) => isSpent(scope, spent[i] ?? 0));
  const over = scopes[index];
  if (!over) return;
  Metric.count("BudgetBlocks");
  throw new VisibleError(
    "agent.budget_exhausted",
    REFUSALS[over.kind],
    429,
    { budget: over.kind, limitCents: over.limitCents, spentCents: spent[index] },
    secondsUntilEnd(over.key.granularity, now),
  );
}

/** Whether the workspace's daily or monthly budget is spent (digests then serve the last one). */
export async function isWorkspaceSpent(workspaceId: string, now = new Date()): Promise<boolean> {
  const budgets = await budgetsOf(workspaceId);
  const scopes = scopesOf(budgets, workspaceId, now).filter(isLimited);
  const spent = await spentIn(scopes);
  return scopes.some((scope, i) => isSpent(scope, spent[i] ?? 0));
}
