// One date language: recent moments relative ("5 min ago", "Yesterday 14:05"), older ones as a
// short date, the exact moment on hover, all in the viewer's locale and time zone; due dates
// as days ("Today", "Fri 11 Dec").
/** Today on this device (YYYY-MM-DD), as due dates and the site log's days are written. */
export const localToday = () => new Date().toLocaleDateString("en-CA");

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const time = (date: Date) => date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
const shortDate = (date: Date, now: Date) =>
  date.toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    ...(date.getFullYear() !== now.getFullYear() && { year: "numeric" }),
  });

/** The exact moment, for the hover title. */
export const exactly = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" });

/** A moment as people say it: relative when near ("5 min ago", "in 2 days"), a short date when not. */
export function ago(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const diff = date.getTime() - now.getTime();
  const far = Math.abs(diff);
  const sign = Math.sign(diff);
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });
  if (far < MINUTE) return words.format(0, "second");
  if (far < HOUR) return words.format(sign * Math.floor(far / MINUTE), "minute");
  if (sameDay(date, now)) return words.format(sign * Math.floor(far / HOUR), "hour");
  if (sameDay(date, new Date(now.getTime() + sign * DAY)))
    return `${words.format(sign, "day")} ${time(date)}`;
  if (far < 6 * DAY) return `${date.toLocaleDateString(undefined, { weekday: "short" })} ${time(date)}`;
  return shortDate(date, now);
}

/** A due date (`YYYY-MM-DD`, a calendar day): "Today", "Tomorrow", "Fri 11 Dec". */
export function dayOf(day: string, now = new Date()): string {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  const date = new Date(y, m - 1, d);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((date.getTime() - today.getTime()) / DAY);
  if (days === 0 || days === 1 || days === -1)
    return new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
      .format(days, "day")
      .replace(/^./, (c) => c.toUpperCase());
  return date.toLocaleDateString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(date.getFullYear() !== now.getFullYear() && { year: "numeric" }),
  });
}

/** A moment on screen: relative or short, exact on hover, machine-readable. */
export function When({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={exactly(iso)} className={className}>
      {ago(iso)}
    </time>
  );
}

/** A due day on screen, with the full date on hover. */
export function Day({ day, className }: { day: string; className?: string }) {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return (
    <time
      dateTime={day}
      title={new Date(y, m - 1, d).toLocaleDateString(undefined, { dateStyle: "full" })}
      className={className}
    >
      {dayOf(day)}
    </time>
  );
}
