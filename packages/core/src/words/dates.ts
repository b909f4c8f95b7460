// Dates as people say them, in the text we write ourselves (digests, their titles, emails):
// "Fri 11 Dec", "due in 3 days", never 2026-12-11 or 2026-12-11T04:40:01.525Z. In UTC, named
// where it matters: the reader's zone is not known when the text is written.

const DAY_MS = 86_400_000;

const parts = (date: Date, options: Intl.DateTimeFormatOptions) => {
  const found = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).formatToParts(date);
  return (type: Intl.DateTimeFormatPartTypes) => found.find((p) => p.type === type)?.value ?? "";
};

const LONG_DAY = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;

const longDay = (part: ReturnType<typeof parts>) =>
  `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;

/** A moment, exactly: "Saturday 5 December 2026 at 04:40 UTC". */
export const inWords = (iso: string) => {
  const part = parts(new Date(iso), { ...LONG_DAY, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${longDay(part)} at ${part("hour")}:${part("minute")} UTC`;
};

/** A calendar day in full, for a deadline in an email: "Saturday 5 December 2026". */
export const dayInWords = (date: string) => longDay(parts(new Date(date.slice(0, 10)), LONG_DAY));

/** A day (`YYYY-MM-DD` or a timestamp): "Fri 11 Dec", with the year when it is not `today`'s. */
export const dayWords = (date: string, today = new Date().toISOString()) => {
  const part = parts(new Date(date.slice(0, 10)), {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const year = part("year") === today.slice(0, 4) ? "" : ` ${part("year")}`;
  return `${part("weekday")} ${part("day")} ${part("month")}${year}`;
};

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** When something is due, from `today`: "due today", "due in 3 days", "due Fri 11 Dec", "overdue by 2 days". */
export const dueWords = (date: string, today = new Date().toISOString()) => {
  const days = daysBetween(today, date);
  if (days < 0) return `overdue by ${plural(-days, "day")}`;
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  if (days < 7) return `due in ${days} days`;
  return `due ${dayWords(date, today)}`;
};

// "due 2026-12-11" (any case), or a date alone; a timestamp's time and zone go with its date.
const ISO =
  /(\b[Dd]ue )?\b(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;

/** Text with every ISO date put in words: "due 2026-12-11" as `dueWords`, any other as `dayWords`. */
export const withDatesInWords = (text: string, today = new Date().toISOString()) =>
  text.replace(ISO, (_, due: string | undefined, date: string) => {
    if (!due) return dayWords(date, today);
    const words = dueWords(date, today);
    return due.startsWith("D") ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  });
