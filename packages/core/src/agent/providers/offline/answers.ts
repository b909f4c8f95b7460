// The offline provider's answers to the quick prompts, each computed from the scoped context
// only and citing every task and message it names. Pure and deterministic.
import type { AgentContext, ContextMessage, ContextSiteLog, ContextTask } from "../../context";
import {
  cite,
  day,
  daysBefore,
  dueOf,
  inWordsOn,
  messageLine,
  newestFirst,
  paragraphs,
  plural,
  quote,
  section,
  siteLogLine,
  statusOf,
  taskLine,
  where,
  who,
} from "./format";

const open = (c: AgentContext) => c.tasks.filter((t) => t.status !== "done");
const changedOn = (t: ContextTask) => day(t.statusChangedAt ?? t.updatedAt);

export function blocked(c: AgentContext) {
  return section(
    `Blocked tasks ${where(c)}`,
    newestFirst(
      open(c).filter((t) => t.status === "blocked"),
      (t) => t.updatedAt,
    ),
    (t) =>
      taskLine(
        c,
        t,
        ` — ${who(t)}${t.dueDate ? `, ${dueOf(c, t.dueDate)}` : ""}${t.statusChangedAt ? `, blocked since ${inWordsOn(c, t.statusChangedAt)}` : ""}`,
      ),
    `Nothing is blocked ${where(c)}.`,
  );
}

export function overdueByAssignee(c: AgentContext) {
  const overdue = open(c).filter((t) => t.dueDate && t.dueDate < c.today);
  if (overdue.length === 0) return `No task is overdue ${where(c)}.\n`;
  const byPerson = new Map<string, ContextTask[]>();
  for (const t of overdue) byPerson.set(who(t), [...(byPerson.get(who(t)) ?? []), t]);
  const groups = [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = ([person, tasks]: [string, ContextTask[]]) =>
    `**${quote(person)}** (${tasks.length})\n${[...tasks]
      .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? "") || a.id.localeCompare(b.id))
      .map((t) => taskLine(c, t, ` — ${dueOf(c, t.dueDate ?? c.today)}`))
      .join("\n")}`;
  return `### Overdue by assignee ${where(c)}\n\n${groups.map(lines).join("\n\n")}\n`;
}

export function myTasksThisWeek(c: AgentContext) {
  const weekEnd = daysBefore(c.today, -7);
  const mine = open(c)
    .filter((t) => t.assigneeId === c.asker.id && (!t.dueDate || t.dueDate <= weekEnd))
    .sort((a, b) => (a.dueDate ?? "9").localeCompare(b.dueDate ?? "9") || a.id.localeCompare(b.id));
  return section(
    `Your tasks this week, ${quote(c.asker.name)}`,
    mine,
    (t) => taskLine(c, t, ` — ${statusOf(t)}${t.dueDate ? `, ${dueOf(c, t.dueDate)}` : ""}`),
    "You have no open tasks due this week.",
  );
}

export function changedToday(c: AgentContext) {
  const tasks = newestFirst(
    c.tasks.filter((t) => day(t.updatedAt) === c.today),
    (t) => t.updatedAt,
  );
  const messages = newestFirst(
    c.messages.filter((m) => day(m.createdAt) === c.today),
    (m) => m.createdAt,
  );
  const files = c.files.filter((f) => day(f.createdAt) === c.today);
  const logs = c.siteLogs.filter((l) => l.date === c.today);
  if (!tasks.length && !messages.length && !files.length && !logs.length)
    return `Nothing changed today ${where(c)}.\n`;
  const change = (t: ContextTask) =>
    t.statusChangedAt && day(t.statusChangedAt) === c.today
      ? `moved to ${statusOf(t)}`
      : day(t.createdAt) === c.today
        ? `new, ${statusOf(t)}`
        : `updated, ${statusOf(t)}`;
  return paragraphs(
    `### What changed today ${where(c)}\n`,
    logs.length ? `**On site**\n${logs.map((l) => siteLogLine(c, l)).join("\n")}\n` : "",
    tasks.length
      ? `**Tasks** (${tasks.length})\n${tasks.map((t) => taskLine(c, t, ` — ${change(t)}`)).join("\n")}\n`
      : "",
    messages.length ? `**Messages** (${messages.length})\n${latest(c, messages, 5)}\n` : "",
    files.length
      ? `**Files** (${files.length})\n${files.map((f) => `- ${quote(f.name)} — uploaded by ${quote(f.uploadedByName)}`).join("\n")}\n`
      : "",
  );
}

/** What the site log says of today, or of yesterday when the question asks about it. */
export function onSite(c: AgentContext, question: string) {
  const yesterday = /\byesterday\b/.test(question);
  const date = yesterday ? daysBefore(c.today, 1) : c.today;
  const when = yesterday ? "yesterday" : "today";
  const logs = newestFirst(
    c.siteLogs.filter((l) => l.date === date),
    (l) => l.updatedAt,
  );
  if (logs.length === 0) {
    const latest = newestFirst(c.siteLogs, (l) => l.date)[0];
    return paragraphs(
      `No site log was written for ${when} ${where(c)}.`,
      latest ? `The latest is of ${inWordsOn(c, latest.date)}:\n${siteLogLine(c, latest)}` : "",
    );
  }
  return paragraphs(`### On site ${when} ${where(c)}\n`, ...logs.map((l) => dayOnSite(c, l)));
}

function dayOnSite(c: AgentContext, log: ContextSiteLog) {
  const field = (name: string, value: string) => (value ? `- **${name}**: ${quote(value)}` : "");
  const project = c.scope.kind === "workspace" ? `**${quote(log.projectName)}** ` : "";
  return [
    `${project}${cite(log)}`,
    field("Work done", log.workDone),
    field("Weather", log.weather),
    field("Crew", log.crew.join(", ")),
    field("Delays", log.delays ? `${log.delays}${log.delayCause ? ` (cause: ${log.delayCause})` : ""}` : ""),
    log.photoCount ? `- ${plural(log.photoCount, "photo")}` : "",
    `- Written by ${quote(log.writtenBy)}`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The last `count` messages in order, who wrote most, and where the asker was mentioned. */
export function lastMessages(c: AgentContext, count: number) {
  const recent = newestFirst(c.messages, (m) => m.createdAt)
    .slice(0, count)
    .reverse();
  if (recent.length === 0) return "There are no project messages for me to summarize yet.\n";
  const authors = new Map<string, number>();
  for (const m of recent) authors.set(m.authorName, (authors.get(m.authorName) ?? 0) + 1);
  const ranked = [...authors.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const mentions = recent.filter((m) => m.mentionsAsker);
  return paragraphs(
    `### The last ${plural(recent.length, "message")} ${where(c)}\n`,
    `${recent.map((m) => messageLine(c, m)).join("\n")}\n`,
    `Most active: ${ranked.map(([name, n]) => `${quote(name)} (${n})`).join(", ")}.`,
    mentions.length
      ? `You were mentioned in ${plural(mentions.length, "message")}: ${mentions.map((m) => `[message:${m.id}]`).join(" ")}.`
      : "",
  );
}

export function lastWeek(c: AgentContext) {
  const since = daysBefore(c.today, 6);
  const done = c.tasks.filter((t) => t.status === "done" && changedOn(t) >= since);
  const blockedNow = c.tasks.filter((t) => t.status === "blocked" && changedOn(t) >= since);
  const started = c.tasks.filter((t) => t.status !== "done" && day(t.createdAt) >= since);
  const messages = c.messages.filter((m) => day(m.createdAt) >= since);
  const files = c.files.filter((f) => day(f.createdAt) >= since);
  if (!done.length && !blockedNow.length && !started.length && !messages.length && !files.length)
    return `A quiet week ${where(c)}: nothing changed in the last 7 days.\n`;
  const list = (title: string, tasks: ContextTask[], extra: (t: ContextTask) => string) =>
    tasks.length
      ? `**${title}** (${tasks.length})\n${tasks.map((t) => taskLine(c, t, extra(t))).join("\n")}\n`
      : "";
  // Mentions of the asker first: that is what they most need to have seen.
  const notable = [...messages.filter((m) => m.mentionsAsker), ...newestFirst(messages, (m) => m.createdAt)];
  return paragraphs(
    `### Highlights of the last 7 days ${where(c)}\n`,
    list("Done", done, (t) => ` — ${who(t)}`),
    list("Newly blocked", blockedNow, (t) => ` — ${who(t)}`),
    list("New work", started, (t) => ` — ${statusOf(t)}`),
    messages.length
      ? `**Conversation**: ${plural(messages.length, "message")}.\n${latest(c, [...new Set(notable)], 3)}\n`
      : "",
    files.length ? `**Files**: ${files.map((f) => quote(f.name)).join(", ")}.\n` : "",
  );
}

/** The first `max` of `messages` as lines, noting how many more there are. */
function latest(c: AgentContext, messages: ContextMessage[], max: number) {
  const more = messages.length - max;
  return `${messages
    .slice(0, max)
    .map((m) => messageLine(c, m))
    .join("\n")}${more > 0 ? `\n- …and ${plural(more, "more message")}` : ""}`;
}
