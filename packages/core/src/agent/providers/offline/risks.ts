// The offline provider's Risks & Blockers answer: a note on each risk the question lists (between
// its fences, by id), from the scoped context only, citing every task it names. Unknown items are
// said to be unknown, never guessed at.

import { dueWords } from "../../../words";
import type { AgentContext, ContextTask } from "../../context";
import { paragraphs, plural, quote } from "./format";

const LISTED = /^- \[((?:task|project|budget):[A-Za-z0-9_-]+)\] ([^—]+)/;

export function riskNotes(c: AgentContext, asked: string): string {
  const fenced = /"""\n([\s\S]*)\n"""/.exec(asked)?.[1] ?? "";
  const notes = fenced.split("\n").flatMap((line) => {
    const [, id = "", reason = ""] = LISTED.exec(line) ?? [];
    return id ? [`- [${id}] ${noteOn(c, id, reason.trim())}`] : [];
  });
  return notes.length
    ? paragraphs("### Risks and blockers\n", notes.join("\n"))
    : "### Risks and blockers\n\nNothing is blocked, overdue or at risk.\n";
}

function noteOn(c: AgentContext, id: string, reason: string): string {
  const [type, key] = id.split(":");
  if (type === "budget")
    return "At 100% the assistant stops answering and summaries repeat the last one until the budget resets; raise it under Cost & budgets if the work needs it.";
  if (type === "project") return projectNote(c, key ?? "", reason);
  const task = c.tasks.find((t) => t.id === key);
  return task ? taskNote(c, task) : "This task is not among what I was given, so I can say no more about it.";
}

function taskNote(c: AgentContext, task: ContextTask): string {
  const holder = task.assigneeName ? `${quote(task.assigneeName)} has it` : "Nobody is assigned to it";
  const labels = task.labels.length ? ` (labelled ${task.labels.map(quote).join(", ")})` : "";
  const due = task.dueDate ? `; it is ${dueWords(task.dueDate, c.today)}` : "";
  const next =
    task.status === "blocked"
      ? "Find out what it waits for and who can clear it."
      : "Agree a new date with them, or help get it done.";
  return `${holder}${labels}${due}. ${next} [task:${task.id}]`;
}

function projectNote(c: AgentContext, projectId: string, reason: string): string {
  const open = c.tasks.filter((t) => t.projectId === projectId && t.status !== "done");
  if (!c.projects.some((p) => p.id === projectId) || open.length === 0)
    return "I was given none of this project's open tasks, so I can say no more about it.";
  const late = open
    .filter((t) => t.dueDate && t.dueDate < c.today)
    .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""));
  const oldest = late[0];
  const lateness = oldest
    ? `, ${late.length} past due; the oldest is **${quote(oldest.title)}**, ${dueWords(oldest.dueDate ?? c.today, c.today)} [task:${oldest.id}]`
    : "";
  const next = /no activity/i.test(reason)
    ? "Check in with the team before the work stalls."
    : "Go through the dates with the team and reset the plan.";
  return `${plural(open.length, "open task")} here${lateness}. ${next}`;
}
