// The three budgets a question or a run counts against — the asker's day, the workspace's day,
// the workspace's month — each with its counter key, and how much of each is spent.
import type { EntityItem } from "electrodb";
import { UsageCounterEntity } from "./entity";
import { dayOf, monthOf } from "./period";
import type { Budgets } from "./settings";

export const WORKSPACE = "workspace";

export type Kind = "userDaily" | "workspaceDaily" | "workspaceMonthly";
export type Counter = EntityItem<ReturnType<typeof UsageCounterEntity>>;
export type CounterKey = Pick<Counter, "workspaceId" | "subject" | "granularity" | "period">;

export interface Scope {
  kind: Kind;
  /** 0 means no limit. */
  limitCents: number;
  key: CounterKey & { granularity: "day" | "month" };
}

/** The workspace's two budgets, and the person's daily one when a person is named. */
export function scopesOf(budgets: Budgets, workspaceId: string, now: Date, userId?: string): Scope[] {
  const day = dayOf(now);
  const person: Scope[] = userId
    ? [
        {
          kind: "userDaily",
          limitCents: budgets.userDailyCents,
          key: { workspaceId, subject: userId, granularity: "day", period: day },
        },
      ]
    : [];
  return [
    ...person,
    {
      kind: "workspaceDaily",
      limitCents: budgets.workspaceDailyCents,
      key: { workspaceId, subject: WORKSPACE, granularity: "day", period: day },
    },
    {
      kind: "workspaceMonthly",
      limitCents: budgets.workspaceMonthlyCents,
      key: { workspaceId, subject: WORKSPACE, granularity: "month", period: monthOf(now) },
    },
  ];
}

/** The period of a model's counter: its month, then the model ("" gives the month's prefix). */
export const modelPeriod = (month: string, model: string) => `${month}/${model}`;

/** The counter of one model's spend in the workspace's month. */
export const modelKey = (workspaceId: string, model: string, now: Date): CounterKey => ({
  workspaceId,
  subject: WORKSPACE,
  granularity: "model",
  period: modelPeriod(monthOf(now), model),
});

export const isLimited = (scope: Scope) => scope.limitCents > 0;
export const isSpent = (scope: Scope, spentCents: number) =>
  isLimited(scope) && spentCents >= scope.limitCents;

const sameKey = (a: CounterKey, b: CounterKey) =>
  a.subject === b.subject && a.granularity === b.granularity && a.period === b.period;

/** Cents spent in each scope, in order, from one batch read. */
export async function spentIn(scopes: Scope[]): Promise<number[]> {
  if (scopes.length === 0) return [];
  const { data } = await UsageCounterEntity()
    .get(scopes.map((s) => s.key))
    .go();
  return scopes.map((s) => data.find((counter) => sameKey(counter, s.key))?.costCents ?? 0);
}
