// Adds a finished run's cost and tokens to its usage counters (the asker's day, the workspace's
// day and month), and tells the admins once per period when a budget passes 80%. Called only
// by the attempt that finished the run, so a duplicate delivery never counts twice.
import { config, type Prices } from "../config";
import { logger } from "../log";
import { Mail } from "../mail";
import { Notification } from "../notification";
import { User } from "../user";
import { nowIso } from "../util";
import { UsageCounterEntity } from "./entity";
import { type Counter, isLimited, type Kind, modelKey, type Scope, scopesOf } from "./scopes";
import { budgetsOf } from "./settings";
import type { Tokens } from "./tokens";

export const WARN_AT = 0.8;

/** A model's row of the price table; models not in it (and offline runs) pay the default row. */
export const pricesOf = (model: string): Prices =>
  config().ai.prices.byModel[model] ?? config().ai.prices.other;

/** Cents for a run's tokens at its model's prices, whatever the provider (offline too). */
export function costOf(tokens: Tokens, model: string): number {
  const prices = pricesOf(model);
  return roundCents(
    (tokens.tokensIn * prices.input +
      tokens.tokensOut * prices.output +
      tokens.cacheWriteTokens * prices.cacheWrite +
      tokens.cacheReadTokens * prices.cacheRead) /
      1e6,
  );
}

/** Micro-cent precision keeps float noise out of sums without losing cheap models' cents. */
export const roundCents = (cents: number) => Math.round(cents * 1e6) / 1e6;

export interface FinishedRun extends Tokens {
  workspaceId: string;
  /** The model that answered: the month's spend is also counted per model. */
  model: string;
  /** Absent for the system's own runs (digests): they count against the workspace only. */
  userId?: string;
  costCents: number;
}

export async function record(run: FinishedRun, now = new Date()): Promise<void> {
  const scopes = scopesOf(await budgetsOf(run.workspaceId), run.workspaceId, now, run.userId);
  const counts = {
    costCents: run.costCents,
    runs: 1,
    tokensIn: run.tokensIn,
    tokensOut: run.tokensOut,
    cacheWriteTokens: run.cacheWriteTokens,
    cacheReadTokens: run.cacheReadTokens,
  };
  const [totals] = await Promise.all([
    Promise.all(
      scopes.map(async (scope) => {
        const { data } = await UsageCounterEntity().upsert(scope.key).add(counts).go({ response: "all_new" });
        return data as Counter;
      }),
    ),
    UsageCounterEntity()
      .upsert({ ...modelKey(run.workspaceId, run.model, now), model: run.model })
      .add(counts)
      .go(),
  ]);
  await Promise.all(
    scopes.map((scope, i) => {
      const total = totals[i];
      const due = total && isLimited(scope) && !total.warnedAt;
      return due && (total.costCents ?? 0) >= WARN_AT * scope.limitCents
        ? warn(scope, total.costCents ?? 0, run.userId)
        : undefined;
    }),
  );
}

const share = `${WARN_AT * 100}%`;
const headlineOf = (kind: Kind, asker = "A person") =>
  ({
    userDaily: `${asker} has used over ${share} of their daily assistant budget`,
    workspaceDaily: `Your workspace has used over ${share} of today's assistant budget`,
    workspaceMonthly: `Your workspace has used over ${share} of this month's assistant budget`,
  })[kind];

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Claims the period's warning on its counter (one conditional write), then notifies and emails. */
async function warn(scope: Scope, spentCents: number, userId?: string): Promise<void> {
  try {
    await UsageCounterEntity()
      .patch(scope.key)
      .set({ warnedAt: nowIso() })
      .where((a, op) => op.notExists(a.warnedAt))
      .go();
  } catch {
    // Another run crossed the line first and has warned for this period.
    return;
  }
  const people = await User.directory(scope.key.workspaceId);
  const admins = people.filter((p) => p.role === "admin" && p.status === "active");
  const headline = headlineOf(scope.kind, people.find((p) => p.id === userId)?.name);
  const detail = `${dollars(spentCents)} of ${dollars(scope.limitCents)} spent (${scope.key.period}, UTC).`;
  await Notification.notify(
    { type: "system", workspaceId: scope.key.workspaceId },
    admins.map((a) => a.id),
    {
      kind: "budget_warning",
      subjectType: "workspace",
      subjectId: scope.key.workspaceId,
      text: `${headline}: ${detail}`,
    },
  );
  await Promise.all(
    admins.map((admin) =>
      Mail.send(Mail.budgetWarningEmail({ to: admin.email, headline, detail })).catch((error: unknown) =>
        logger().warn("budget warning not emailed", { reason: String(error) }),
      ),
    ),
  );
}
