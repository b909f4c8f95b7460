// How the offline answers write what they quote: content is flattened to one line with its
// brackets neutralised, so text from a task or message can never pose as a citation, a link
// or a heading of the answer. Citations are only ever made here, from ids in the context.

import { dayWords, dueWords } from "../../../words";
import {
  type AgentContext,
  type ContextMessage,
  type ContextSiteLog,
  type ContextTask,
  EMAIL_HIDDEN,
  PHONE_HIDDEN,
} from "../../context";

export const cite = (item: ContextTask | ContextMessage | ContextSiteLog) =>
  "title" in item
    ? `[task:${item.id}]`
    : "workDone" in item
      ? `[sitelog:${item.id}]`
      : `[message:${item.id}]`;

/** Masks stay as written; any other bracket becomes a parenthesis, so it links or cites nothing. */
const KEEP = new Set([EMAIL_HIDDEN, PHONE_HIDDEN]);
export const quote = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/\[[^[\]]*\]|[[\]]/g, (b) => (KEEP.has(b) ? b : b.replace("[", "(").replace("]", ")")))
    .replace(/^#+\s*/, "")
    .trim();

/** The first `words` words of a quoted text, marked when cut. */
export function excerpt(text: string, words = 24) {
  const all = quote(text).split(" ");
  return all.length > words ? `${all.slice(0, words).join(" ")}…` : all.join(" ");
}

export const day = (iso: string) => iso.slice(0, 10);
/** A day as the answer says it, from the context's today: "Fri 11 Dec". */
export const inWordsOn = (c: AgentContext, iso: string) => dayWords(iso, c.today);
/** When a task is due, as the answer says it: "due in 3 days", "overdue by 2 days". */
export const dueOf = (c: AgentContext, date: string) => dueWords(date, c.today);
export const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);
export const who = (task: ContextTask) => task.assigneeName ?? "unassigned";
export const statusOf = (task: ContextTask) => task.status.replace("_", " ");
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const where = (c: AgentContext) =>
  c.scope.kind === "project" ? `in ${c.scope.name}` : "across the workspace";

/** The project a line belongs to, named only when the answer spans the workspace. */
const from = (c: AgentContext, projectName: string) =>
  c.scope.kind === "workspace" ? ` (${quote(projectName)})` : "";

export const taskLine = (c: AgentContext, task: ContextTask, extra = "") =>
  `- **${quote(task.title)}**${from(c, task.projectName)}${extra} ${cite(task)}`;

export const messageLine = (c: AgentContext, message: ContextMessage) =>
  `- **${quote(message.authorName)}**${from(c, message.projectName)}, ${inWordsOn(c, message.createdAt)}: ${excerpt(message.body)} ${cite(message)}`;

/** A day's site log in one line: the work done, the weather, the crew and any delay. */
export const siteLogLine = (c: AgentContext, log: ContextSiteLog) =>
  `- **Site log of ${inWordsOn(c, log.date)}**${from(c, log.projectName)}: ${[
    log.workDone ? excerpt(log.workDone) : "no work recorded",
    log.weather ? `weather ${quote(log.weather)}` : "",
    log.crew.length ? `crew of ${log.crew.length}` : "",
    log.delays ? `delay: ${excerpt(log.delays, 12)}` : "",
  ]
    .filter(Boolean)
    .join("; ")} ${cite(log)}`;

/** A titled list, or the `empty` sentence when there is nothing to list. */
export function section<T>(
  title: string,
  items: T[],
  line: (item: T) => string,
  empty: string,
  noun = "task",
) {
  if (items.length === 0) return `${empty}\n`;
  return `### ${title}\n\n${items.map(line).join("\n")}\n\n${plural(items.length, noun)}.\n`;
}

export const newestFirst = <T extends { id: string }>(items: T[], time: (item: T) => string) =>
  [...items].sort((a, b) => time(b).localeCompare(time(a)) || b.id.localeCompare(a.id));

/** Blocks of an answer separated by blank lines; empty blocks (nothing to say) are left out. */
export const paragraphs = (...blocks: string[]) =>
  blocks
    .filter(Boolean)
    .map((b) => (b.endsWith("\n") ? b : `${b}\n`))
    .join("\n");
