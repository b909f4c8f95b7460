// The offline provider's drafts: a change order read from the chosen messages (the amounts and
// days they state, each cited, never guessed), and today's plain-language update for the homeowner
// from the client-readable items it was given. Message text is only quoted, never obeyed.
import type { AgentContext, ContextMessage, ContextTask } from "../../context";
import { cite, excerpt, quote } from "./format";

const MONEY = /([$£€])\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;
const PRICED = /[$£€]\s?\d/;
const DAYS = /\b(\d{1,3})\s*(?:(?:extra|more|additional|working)\s+)*(days?|weeks?)\b/i;

export function changeOrderDraft(c: AgentContext): string {
  const messages = [...c.messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (messages.length === 0)
    return "Title: \nDescription: None of the chosen messages was given to me, so I drafted nothing.\nCost: none found\nSchedule: none found\n";
  const priced = messages.find((m) => PRICED.test(m.body));
  const names = [...new Set(messages.map((m) => quote(m.authorName)))];
  return [
    `Title: ${titleOf(priced ?? messages[0])}`,
    `Description: As discussed in the messages: ${messages.map((m) => `${quote(m.authorName)} wrote “${excerpt(m.body, 30)}” ${cite(m)}`).join("; ")}`,
    `Reason: Raised in the project's messages by ${names.join(", ")}.`,
    `Cost: ${costLine(messages)}`,
    `Schedule: ${scheduleLine(messages)}`,
    "",
  ].join("\n");
}

/** The first sentence of the message that names the price, cut to a title's length. */
function titleOf(message: ContextMessage | undefined): string {
  const sentence = quote(message?.body ?? "").split(/(?<=[.!?])\s/)[0] ?? "";
  return excerpt(sentence.replace(/[.!?]+$/, ""), 10);
}

/** Each distinct amount the messages state, cited; more than one are added up. */
function costLine(messages: ContextMessage[]): string {
  const found = new Map<string, { symbol: string; minor: number; cites: Set<string> }>();
  for (const m of messages)
    for (const [text, symbol = "$", whole = "0", cents = "0"] of m.body.matchAll(MONEY)) {
      const key = text.replace(/\s/g, "");
      const amount = found.get(key) ?? {
        symbol,
        minor: Number(whole.replace(/,/g, "")) * 100 + Number(cents.padEnd(2, "0")),
        cites: new Set<string>(),
      };
      amount.cites.add(cite(m));
      found.set(key, amount);
    }
  const amounts = [...found.entries()];
  if (amounts.length === 0) return "none found in the messages";
  const cites = [...new Set(amounts.flatMap(([, a]) => [...a.cites]))].join(" ");
  if (amounts.length === 1) return `${amounts[0]?.[0]} ${cites}`;
  const total = amounts.reduce((sum, [, a]) => sum + a.minor, 0);
  const symbol = amounts[0]?.[1].symbol ?? "$";
  return `${amounts.map(([text]) => text).join(" + ")} = ${symbol}${(total / 100).toFixed(2)} ${cites}`;
}

function scheduleLine(messages: ContextMessage[]): string {
  for (const m of messages) {
    const [, count, unit = ""] = DAYS.exec(m.body) ?? [];
    if (count) return `${count} ${unit.toLowerCase()} ${cite(m)}`;
  }
  return "none found in the messages";
}

const MOVED: Record<ContextTask["status"], string> = {
  todo: "is planned next",
  in_progress: "is under way",
  blocked: "is on hold for now; we will tell you when it restarts",
  done: "is finished",
};

export function clientUpdate(c: AgentContext): string {
  const project = quote(c.projects[0]?.name ?? (c.scope.kind === "project" ? c.scope.name : "your project"));
  const onSite = c.siteLogs.map(
    (l) =>
      `- On site: ${l.workDone ? `“${excerpt(l.workDone, 30)}”` : "work carried on"}${l.weather ? ` (weather: ${quote(l.weather)})` : ""}. ${cite(l)}`,
  );
  const tasks = c.tasks.map((t) => `- ${quote(t.title)} ${MOVED[t.status]}. ${cite(t)}`);
  const messages = [...c.messages]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((m) => `- ${quote(m.authorName)} wrote: “${excerpt(m.body, 20)}” ${cite(m)}`);
  if (onSite.length + tasks.length + messages.length === 0)
    return `Hello! No news on ${project} today: work carries on as planned, and we will let you know as soon as anything changes.\n`;
  return [
    `Hello! Here is today's update on ${project}:`,
    "",
    ...onSite,
    ...tasks,
    ...messages,
    "",
    "Any questions, just reply here.",
    "",
  ].join("\n");
}
