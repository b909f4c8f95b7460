// The cost widget's numbers: a month's cost, runs and tokens with its per-day trend (one Query
// of the workspace's day counters), its spend by model (one Query of the model counters), the
// budgets in force, and how much of them is spent now.
import * as z from "zod";
import type { Actor } from "../actor";
import { roundCents, WARN_AT } from "./counters";
import { UsageCounterEntity } from "./entity";
import { daysOf, monthOf } from "./period";
import { type Counter, isLimited, isSpent, modelPeriod, scopesOf, spentIn, WORKSPACE } from "./scopes";
import { Budgets, budgetsOf, requireAdminOf } from "./settings";

const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month is written YYYY-MM.")
  .meta({ example: "2026-05" });

export const ReportInput = z.object({ month: Month.optional() });

const Spend = {
  costCents: z.number(),
  runs: z.number().int(),
  /** Input tokens read afresh, output tokens, and input tokens written to and read from the prompt cache. */
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  cacheWriteTokens: z.number().int(),
  cacheReadTokens: z.number().int(),
};
type SpendField = keyof typeof Spend;
const SPEND_FIELDS = Object.keys(Spend) as SpendField[];

export const UsageReport = z
  .object({
    month: Month,
    ...Spend,
    /** The month's spend per model that answered, most expensive first. */
    byModel: z.array(z.object({ model: z.string(), ...Spend })),
    /** Every day of the month that has begun, oldest first; days without runs are zeros. */
    days: z.array(z.object({ date: z.string(), costCents: z.number(), runs: z.number().int() })),
    budgets: Budgets,
    spent: z.object({ workspaceTodayCents: z.number(), workspaceMonthCents: z.number() }),
    /** Of the workspace's budgets now: `warn` past 80% of one, `blocked` when one is spent. */
    state: z.enum(["ok", "warn", "blocked"]),
  })
  .meta({ id: "UsageReport" });
export type UsageReport = z.infer<typeof UsageReport>;

export async function report(
  actor: Actor,
  workspaceId: string,
  input: z.input<typeof ReportInput> = {},
  now = new Date(),
): Promise<UsageReport> {
  requireAdminOf(actor, workspaceId);
  const month = ReportInput.parse(input).month ?? monthOf(now);
  const budgets = await budgetsOf(workspaceId);
  const scopes = scopesOf(budgets, workspaceId, now);
  const [{ data }, { data: models }, spent] = await Promise.all([
    UsageCounterEntity()
      .query.primary({ workspaceId, subject: WORKSPACE })
      .begins({ granularity: "day", period: month })
      .go({ pages: "all" }),
    UsageCounterEntity()
      .query.primary({ workspaceId, subject: WORKSPACE })
      .begins({ granularity: "model", period: modelPeriod(month, "") })
      .go({ pages: "all" }),
    spentIn(scopes),
  ]);
  const byDay = new Map(data.map((counter: Counter) => [counter.period, counter]));
  // The workspace's scopes are its day, then its month.
  const [today = 0, thisMonth = 0] = spent;
  const state = scopes.some((scope, i) => isSpent(scope, spent[i] ?? 0))
    ? "blocked"
    : scopes.some((scope, i) => isLimited(scope) && (spent[i] ?? 0) >= WARN_AT * scope.limitCents)
      ? "warn"
      : "ok";
  return {
    month,
    ...spendOf(data),
    byModel: models
      .map((counter) => ({ model: counter.model ?? "", ...spendOf([counter]) }))
      .sort((a, b) => b.costCents - a.costCents),
    days: daysOf(month, now).map((date) => ({
      date,
      costCents: byDay.get(date)?.costCents ?? 0,
      runs: byDay.get(date)?.runs ?? 0,
    })),
    budgets,
    spent: { workspaceTodayCents: today, workspaceMonthCents: thisMonth },
    state,
  };
}

/** The spend fields summed over counters. */
function spendOf(counters: Counter[]): Record<SpendField, number> {
  const total = Object.fromEntries(
    SPEND_FIELDS.map((field) => [field, counters.reduce((sum, c) => sum + (c[field] ?? 0), 0)]),
  ) as Record<SpendField, number>;
  return { ...total, costCents: roundCents(total.costCents) };
}
