// Amounts of the cost screens: the API counts in (fractional) cents, people read dollars.
const DOLLARS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
// A month of offline answers can cost a fraction of a cent: show it rather than "$0.00".
const SMALL = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumSignificantDigits: 2,
});

export const formatCents = (cents: number) =>
  cents > 0 && cents < 1 ? SMALL.format(cents / 100) : DOLLARS.format(cents / 100);

/** Dollars as typed in a budget field, in cents (up to a hundredth of a cent). */
export const dollarsToCents = (dollars: string) => Math.round(Number(dollars) * 10_000) / 100;

export const centsToDollars = (cents: number) => String(cents / 100);

/** `YYYY-MM` of today in UTC, the calendar the budgets count in. */
export const thisMonth = () => new Date().toISOString().slice(0, 7);

/** `YYYY-MM-DD` of every day of `month` (`YYYY-MM`). */
export function daysOfMonth(month: string): string[] {
  const [year = 0, number = 1] = month.split("-").map(Number);
  const count = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

export const dayLabel = (date: string, style: "short" | "long" = "short") =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: style === "short" ? "short" : "long",
    timeZone: "UTC",
  });

export const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
