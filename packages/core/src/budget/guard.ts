// Refuses a question once a budget is spent (429 `agent.budget_exhausted`, Retry-After until
// the period resets) and tells the digest job when the workspace's budget is gone. Reads only.
import { isAdmin, type UserActor } from "../actor";
import { VisibleError } from "../error";
import * as Metric from "../metrics";
import { endOf, secondsUntilEnd } from "./period";
import { isLimited, isSpent, type Kind, type Scope, scopesOf, spentIn } from "./scopes";
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
    refusalDetails(user, over, spent[index] ?? 0, now),
    secondsUntilEnd(over.key.granularity, now),
  );
}

/**
 * What the refusal tells the asker: which budget is spent and when it resets, to everyone; its
 * limit and spend only to whom those figures belong — the workspace's admins (its limits and
 * spend are otherwise theirs alone, as in the usage report), and the asker for their own daily
 * budget (their own use against the cap on them, which they hit and may plan around).
 */
function refusalDetails(user: UserActor, over: Scope, spentCents: number, now: Date) {
  const which = { budget: over.kind, resetsAt: endOf(over.key.granularity, now).toISOString() };
  const theirs = isAdmin(user) || over.kind === "userDaily";
  return theirs ? { ...which, limitCents: over.limitCents, spentCents } : which;
}

/** Whether the workspace's daily or monthly budget is spent (digests then serve the last one). */
export async function isWorkspaceSpent(workspaceId: string, now = new Date()): Promise<boolean> {
  const budgets = await budgetsOf(workspaceId);
  const scopes = scopesOf(budgets, workspaceId, now).filter(isLimited);
  const spent = await spentIn(scopes);
  return scopes.some((scope, i) => isSpent(scope, spent[i] ?? 0));
}
