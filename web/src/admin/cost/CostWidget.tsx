// What the agent cost the workspace in a month: the total, answers and tokens, where the
// budgets stand today and this month, the daily trend, and the spend by model.
import type { UsageReport } from "@rehome/client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TextField } from "../../components/Field";
import { Empty, Failed, Loading } from "../../components/States";
import { api } from "../../session";
import { DailyCostChart } from "./DailyCostChart";
import { formatCents, monthLabel, thisMonth } from "./money";

const STATE: Record<UsageReport["state"], { text: string; tone: string }> = {
  ok: { text: "Within budget", tone: "bg-emerald-100 text-emerald-900" },
  warn: { text: "Over 80% of a budget", tone: "bg-amber-100 text-amber-900" },
  blocked: { text: "Budget spent: new questions are refused", tone: "bg-red-100 text-red-900" },
};

export const usageKey = (workspaceId: string, month: string) => ["usage", workspaceId, month] as const;

export function CostWidget({ workspaceId }: { workspaceId: string }) {
  const [month, setMonth] = useState(thisMonth);
  const usage = useQuery({
    queryKey: usageKey(workspaceId, month),
    queryFn: () => api.usage(workspaceId, month),
    // Every answer adds to it: an admin opening the screen wants today's figure.
    refetchOnMount: "always",
  });
  return (
    <section aria-labelledby="cost-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="cost-title" className="font-semibold">
          Assistant cost
        </h2>
        <TextField
          label="Month"
          type="month"
          value={month}
          max={thisMonth()}
          onChange={(event) => event.target.value && setMonth(event.target.value)}
          labelClassName="w-44"
        />
      </div>
      {usage.isPending && <Loading what="the cost" />}
      {usage.isError && <Failed error={usage.error} retry={() => usage.refetch()} />}
      {usage.data && <Report usage={usage.data} />}
    </section>
  );
}

function Report({ usage }: { usage: UsageReport }) {
  const state = STATE[usage.state];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
        <div>
          <p className="text-sm text-slate-600">Spent in {monthLabel(usage.month)}</p>
          <p className="text-3xl font-semibold tabular-nums" data-testid="month-cost">
            {formatCents(usage.costCents)}
          </p>
        </div>
        <dl className="flex gap-6 text-sm">
          <Figure name="Answers" value={usage.runs} />
          <Figure name="Tokens in" value={usage.tokensIn} />
          <Figure name="Tokens out" value={usage.tokensOut} />
        </dl>
        <p
          role="status"
          className={`rounded-full px-3 py-1 text-sm font-medium ${state.tone}`}
          data-testid="budget-state"
        >
          {state.text}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <BudgetBar
          name="Workspace today"
          spent={usage.spent.workspaceTodayCents}
          budget={usage.budgets.workspaceDailyCents}
        />
        <BudgetBar
          name="Workspace this month"
          spent={usage.spent.workspaceMonthCents}
          budget={usage.budgets.workspaceMonthlyCents}
        />
      </div>
      {usage.runs === 0 ? (
        <Empty>No answers in {monthLabel(usage.month)}, so nothing was spent.</Empty>
      ) : (
        <>
          <DailyCostChart days={usage.days} month={usage.month} />
          <SpendByModel rows={usage.byModel} />
        </>
      )}
    </div>
  );
}

const COUNTS = [
  ["Answers", "runs"],
  ["Tokens in", "tokensIn"],
  ["Cache read", "cacheReadTokens"],
  ["Cache written", "cacheWriteTokens"],
  ["Tokens out", "tokensOut"],
] as const;

function SpendByModel({ rows }: { rows: UsageReport["byModel"] }) {
  return (
    <table className="stack-table w-full text-left text-sm" aria-label="Spend by model">
      <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
        <tr>
          {["Model", ...COUNTS.map(([name]) => name), "Cost"].map((name) => (
            <th key={name} className="px-3 py-2 font-medium">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {rows.map((row) => (
          <tr key={row.model}>
            <td className="px-3 py-2 font-medium [overflow-wrap:anywhere]">
              {row.model === "offline" ? "offline assistant" : row.model}
            </td>
            {COUNTS.map(([name, field]) => (
              <td key={field} data-label={name} className="px-3 py-2">
                {row[field].toLocaleString("en-US")}
              </td>
            ))}
            <td data-label="Cost" className="px-3 py-2">
              {formatCents(row.costCents)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const Figure = ({ name, value }: { name: string; value: number }) => (
  <div>
    <dt className="text-slate-600">{name}</dt>
    <dd className="font-medium tabular-nums">{value.toLocaleString("en-US")}</dd>
  </div>
);

/** Spend against one budget; a budget of 0 is no limit, so there is nothing to fill. */
function BudgetBar({ name, spent, budget }: { name: string; spent: number; budget: number }) {
  const share = budget > 0 ? Math.min(1, spent / budget) : 0;
  const tone = share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-emerald-600";
  const text =
    budget > 0 ? `${formatCents(spent)} of ${formatCents(budget)}` : `${formatCents(spent)}, no limit`;
  return (
    <div className="text-sm">
      <div className="mb-1 flex justify-between gap-2">
        <span className="font-medium text-slate-700">{name}</span>
        <span className="text-slate-600 tabular-nums">{text}</span>
      </div>
      <div
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${tone}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
