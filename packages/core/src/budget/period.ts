// UTC calendar periods of the budgets: the day and month a moment falls in, when they end,
// and the days of a month up to today (the usage trend).

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

const startOfNextDay = (at: Date) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
const startOfNextMonth = (at: Date) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);

/** When the period containing `at` ends: the budgets counted in it start again from zero. */
export const endOf = (granularity: "day" | "month", at: Date): Date =>
  new Date(granularity === "day" ? startOfNextDay(at) : startOfNextMonth(at));

/** Whole seconds (at least 1) until the period containing `at` ends. */
export function secondsUntilEnd(granularity: "day" | "month", at: Date): number {
  return Math.max(1, Math.ceil((endOf(granularity, at).getTime() - at.getTime()) / 1000));
}

/** `YYYY-MM-DD` of every day of `month` (`YYYY-MM`) that has begun by `now`. */
export function daysOf(month: string, now: Date): string[] {
  const [year = 0, monthNumber = 1] = month.split("-").map(Number);
  const days: string[] = [];
  for (let day = 1; ; day++) {
    const date = new Date(Date.UTC(year, monthNumber - 1, day));
    if (date.getUTCMonth() !== monthNumber - 1 || date > now) return days;
    days.push(dayOf(date));
  }
}
