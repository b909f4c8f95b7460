// Writes an iCalendar (RFC 5545) document of all-day events: TEXT escaping, CRLF line ends and
// lines folded at 75 octets. Pure text in, text out; it never decides what goes into a calendar.

export interface AllDayEvent {
  /** Stable across feeds and edits, so calendar apps update the event instead of adding another. */
  uid: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive, YYYY-MM-DD (written as the exclusive day after, as RFC 5545 wants). */
  end: string;
  summary: string;
  description?: string;
  url?: string;
  /** When the event last changed (ISO timestamp). */
  stamp: string;
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** The calendar as one string, every line folded and ended by CRLF. */
export function write(calendar: { name: string; events: AllDayEvent[] }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ReHome//Schedule//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

function eventLines(event: AllDayEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;VALUE=DATE:${basicDate(event.start)}`,
    `DTEND;VALUE=DATE:${basicDate(dayAfter(event.end))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; any line break becomes `\n`. */
export const escapeText = (text: string) =>
  text.replace(/[\\;,]/g, (ch) => `\\${ch}`).replace(/\r\n|\r|\n/g, "\\n");

/**
 * RFC 5545 §3.1: a line longer than 75 octets continues on the next line after one space. Splits
 * between characters, never inside a UTF-8 sequence.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

const basicDate = (date: string) => date.replaceAll("-", "");

/** The next calendar day of a YYYY-MM-DD date (UTC arithmetic: dates carry no time zone). */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** `2026-12-02T09:13:00.000Z` → `20261202T091300Z`. */
const utcStamp = (iso: string) => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
