// Reads the assistant's change-order answer into the form's fields: labelled lines ("Title: …",
// "Cost: $650 [message:ID]"), in whatever markdown a real model wraps them in. Pure: the amounts and
// days come only from what the answer wrote; a field it left out or marked as none is empty or 0.
import { minorDigits } from "../words";

export interface ChangeOrderProposal {
  title: string;
  description: string;
  reason: string;
  /** Minor units of the workspace's currency; 0 when the answer found no amount. */
  costDelta: number;
  scheduleDeltaDays: number;
  /** Whether the answer named an amount and a number of days at all, so the form can say so. */
  costFound: boolean;
  scheduleFound: boolean;
}

type Field = "title" | "description" | "reason" | "cost" | "schedule";

const LABELS: [RegExp, Field][] = [
  [/^title$/, "title"],
  [/^(description|what changes|scope)$/, "description"],
  [/^(reason|why)$/, "reason"],
  [/^(cost|cost delta|cost change|price|amount)$/, "cost"],
  [/^(schedule|schedule delta|schedule change|delay|time)$/, "schedule"],
];

/** "**Title:** x", "- Cost — $5", "## Reason: y": the label and the rest of the line. */
const LABELLED = /^\s*(?:[-*•]\s+|#+\s*)?\**\s*([A-Za-z][A-Za-z ]{1,20}?)\s*\**\s*[:\-–—]\s*\**\s*(.*)$/;
const CITATION = /\s*\[(?:task|message|file|project):[A-Za-z0-9_-]+\]/g;
const TITLE_MAX = 200;

export function proposalOf(content: string, currency: string): ChangeOrderProposal {
  const fields: Partial<Record<Field, string[]>> = {};
  let current: Field | undefined;
  for (const line of content.split("\n")) {
    const [, label = "", rest = ""] = LABELLED.exec(line) ?? [];
    const field = LABELS.find(([pattern]) => pattern.test(label.trim().toLowerCase()))?.[1];
    if (field && !fields[field]) {
      current = field;
      fields[field] = [rest];
    } else if (current && line.trim() && !/^\s*#/.test(line)) fields[current]?.push(line.trim());
    else if (!line.trim() && current !== "description") current = undefined;
  }
  const text = (field: Field) => withoutCitations((fields[field] ?? []).join("\n")).replace(/\*\*/g, "");
  const cost = noneSaid(text("cost")) ? undefined : amountOf(text("cost"), currency);
  const days = noneSaid(text("schedule")) ? undefined : daysOf(text("schedule"));
  return {
    title: text("title").replace(/\s+/g, " ").slice(0, TITLE_MAX),
    description: text("description"),
    reason: text("reason"),
    costDelta: cost ?? 0,
    scheduleDeltaDays: days ?? 0,
    costFound: cost !== undefined,
    scheduleFound: days !== undefined,
  };
}

/** The text without its `[message:ID]` markers (they are listed apart, as links). */
export const withoutCitations = (text: string) =>
  text
    .replace(CITATION, "")
    .replace(/[ \t]+\n/g, "\n")
    .trim();

const noneSaid = (text: string) => /^(none|no |n\/a|not (found|mentioned|stated)|unknown|-$)/i.test(text);

/** The marks an amount may start with: the common symbols and codes, and the currency's own. */
const MARKS = ["$", "£", "€", "¥", "usd", "gbp", "eur", "jpy"];

function moneyIn(currency: string) {
  const symbol = new Intl.NumberFormat("en-US", { style: "currency", currency })
    .formatToParts(1)
    .find((part) => part.type === "currency")?.value;
  const marks = [...new Set([...MARKS, currency, symbol ?? currency].map((m) => m.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((mark) => mark.replace(/[$.*+?^()|[\]\\{}]/g, "\\$&"));
  return new RegExp(
    `([-−]\\s*)?(?:${marks.join("|")})\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,3}))?(k\\b)?`,
    "gi",
  );
}

const CREDIT = /\b(credit|refund|saving|saves?|discount|less|reduc\w*|deduct\w*)\b/i;

/**
 * The amount a cost line states, in minor units of `currency` (cents, whole yen): after an "="
 * the total, else the first amount; negative when it is a credit. Undefined when the line names
 * no amount.
 */
export function amountOf(line: string, currency: string): number | undefined {
  const totalAt = line.lastIndexOf("=");
  const [found] = [...line.slice(totalAt + 1).matchAll(moneyIn(currency))];
  if (!found) return undefined;
  const [, minus, whole = "0", cents = "", thousands] = found;
  const value = (Number(whole.replace(/,/g, "")) + Number(`0.${cents || "0"}`)) * (thousands ? 1000 : 1);
  const negative = Boolean(minus) || CREDIT.test(line);
  return Math.round(value * 10 ** minorDigits(currency)) * (negative ? -1 : 1);
}

const DAYS =
  /([-−]\s*)?(\d{1,4})\s*(?:(?:extra|more|additional|working|business|calendar)\s+)*(days?|weeks?)\b/i;
const EARLIER = /\b(earlier|sooner|saves?|fewer|less|shorter|ahead)\b/i;

/** The days a schedule line states ("2 days", "1 week" is 7); negative when it saves time. */
export function daysOf(line: string): number | undefined {
  const [, minus, count = "0", unit = ""] = DAYS.exec(line) ?? [];
  if (!unit) return undefined;
  const days = Number(count) * (unit.toLowerCase().startsWith("week") ? 7 : 1);
  return minus || EARLIER.test(line) ? -days : days;
}
