// The month's spend per day as bars (hand-drawn SVG) over the whole calendar month, described
// in one sentence for screen readers, with the exact figures a click away in a table.
import type { UsageReport } from "@rehome/client";
import { dayLabel, daysOfMonth, formatCents, monthLabel } from "./money";

type Day = UsageReport["days"][number];
const BAR = 10;
const GAP = 3;
const HEIGHT = 100;

export function DailyCostChart({ days, month }: { days: Day[]; month: string }) {
  const recorded = new Map(days.map((d) => [d.date, d]));
  // Days still to come stay empty, so one day early in the month is not a full-width bar.
  const calendar = daysOfMonth(month).map((date) => recorded.get(date) ?? { date, costCents: 0, runs: 0 });
  const peak = days.reduce<Day | undefined>(
    (top, d) => (top && top.costCents >= d.costCents ? top : d),
    undefined,
  );
  const max = peak?.costCents ?? 0;
  const today = new Date().toISOString().slice(0, 10);
  const summary =
    peak && max > 0
      ? `Spend per day in ${monthLabel(month)}: highest ${formatCents(max)} on ${dayLabel(peak.date, "long")}.`
      : `No spend recorded in ${monthLabel(month)} yet.`;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-slate-700">Daily spend</figcaption>
      <div className="flex gap-2">
        <div className="flex w-16 shrink-0 flex-col justify-between text-right text-xs text-slate-500">
          <span>{formatCents(max)}</span>
          <span>$0</span>
        </div>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${calendar.length * (BAR + GAP)} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-40 w-full rounded border-b border-l border-slate-300 bg-slate-50"
          data-testid="cost-chart"
        >
          {calendar.map((day, index) => {
            // Days without spend keep a sliver, so the month's shape stays readable.
            const height = max > 0 ? Math.max(1, (day.costCents / max) * (HEIGHT - 4)) : 1;
            return (
              <rect
                key={day.date}
                x={index * (BAR + GAP) + GAP / 2}
                y={HEIGHT - height}
                width={BAR}
                height={height}
                className={day.date === today ? "fill-emerald-800" : "fill-emerald-600"}
                data-testid="cost-bar"
                data-date={day.date}
                data-cents={day.costCents}
              >
                <title>{`${dayLabel(day.date)}: ${formatCents(day.costCents)}, ${day.runs} answers`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="ml-18 flex justify-between text-xs text-slate-500">
        <span>{dayLabel(calendar[0]?.date ?? "")}</span>
        <span>{dayLabel(calendar.at(-1)?.date ?? "")}</span>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-emerald-800 underline">Daily figures</summary>
        <table className="mt-2 w-full max-w-md text-left">
          <thead className="text-xs text-slate-600 uppercase">
            <tr>
              <th className="py-1 font-medium">Day</th>
              <th className="py-1 text-right font-medium">Spend</th>
              <th className="py-1 text-right font-medium">Answers</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date} className="border-t border-slate-100">
                <td className="py-1">{dayLabel(day.date, "long")}</td>
                <td className="py-1 text-right tabular-nums">{formatCents(day.costCents)}</td>
                <td className="py-1 text-right tabular-nums">{day.runs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
