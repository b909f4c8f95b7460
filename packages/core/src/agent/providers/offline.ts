// The provider used when no API key is set: deterministic, grounded answers computed from the
// scoped context only (with citations), streamed word by word at a realistic pace.
import { sleep } from "../../util";
import type { AgentContext, ContextTask } from "../context";
import { estimateTokens } from "../context";
import type { Provider, ProviderRequest, Usage } from "./provider";

export function offlineProvider(tokensPerSecond: number): Provider {
  let usage: Usage = { tokensIn: 0, tokensOut: 0, costCents: 0 };
  return {
    name: "offline",
    model: "offline",
    async *stream(request: ProviderRequest) {
      const answer = answerFor(request.question, request.context);
      const remaining = answer.startsWith(request.prefill) ? answer.slice(request.prefill.length) : answer;
      usage = {
        tokensIn: estimateTokens(JSON.stringify(request.context.tasks)) + estimateTokens(request.question),
        tokensOut: estimateTokens(answer),
        costCents: 0,
      };
      const pause = tokensPerSecond > 0 ? 1000 / tokensPerSecond : 0;
      for (const token of remaining.match(/\s*\S+|\s+$/g) ?? []) {
        if (request.signal.aborted) throw request.signal.reason;
        if (pause) await sleep(pause, request.signal);
        yield token;
      }
    },
    usage: () => usage,
  };
}

const cite = (task: ContextTask) => `[task:${task.id}]`;
const line = (task: ContextTask, extra = "") => `- **${task.title}**${extra} ${cite(task)}`;
const who = (task: ContextTask) => task.assigneeName ?? "unassigned";
const scope = (c: AgentContext) =>
  c.projects.length === 1 ? `in ${c.projects[0]?.name}` : "across the workspace";

/** The answer text for a question; recognises the quick prompts, otherwise gives an overview. */
export function answerFor(question: string, context: AgentContext): string {
  const q = question.toLowerCase();
  const open = context.tasks.filter((t) => t.status !== "done");
  if (q.includes("blocked")) {
    const blocked = open.filter((t) => t.status === "blocked");
    return section(
      `Blocked tasks ${scope(context)}`,
      blocked,
      (t) => line(t, ` — ${who(t)}${t.dueDate ? `, due ${t.dueDate}` : ""}`),
      "Nothing is blocked right now.",
    );
  }
  if (q.includes("overdue")) {
    const overdue = open.filter((t) => t.dueDate && t.dueDate < context.today);
    const byPerson = new Map<string, ContextTask[]>();
    for (const t of overdue) byPerson.set(who(t), [...(byPerson.get(who(t)) ?? []), t]);
    if (overdue.length === 0) return `No task is overdue ${scope(context)}.`;
    const groups = [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b));
    return `### Overdue by assignee ${scope(context)}\n\n${groups
      .map(
        ([person, tasks]) =>
          `**${person}** (${tasks.length})\n${tasks.map((t) => line(t, ` — due ${t.dueDate}`)).join("\n")}`,
      )
      .join("\n\n")}\n`;
  }
  if (q.includes("my tasks")) {
    const weekEnd = new Date(Date.parse(context.today) + 7 * 86_400_000).toISOString().slice(0, 10);
    const mine = open.filter(
      (t) => t.assigneeId === context.asker.id && (!t.dueDate || t.dueDate <= weekEnd),
    );
    return section(
      `Your tasks this week, ${context.asker.name}`,
      mine,
      (t) => line(t, ` — ${t.status.replace("_", " ")}${t.dueDate ? `, due ${t.dueDate}` : ""}`),
      "You have no open tasks due this week.",
    );
  }
  if (q.includes("changed today") || q.includes("what changed")) {
    const changed = context.tasks.filter((t) => t.updatedAt.slice(0, 10) === context.today);
    return section(
      `What changed today ${scope(context)}`,
      changed,
      (t) => line(t, ` — now ${t.status.replace("_", " ")}`),
      "No task changed today.",
    );
  }
  if (q.includes("summarize") && q.includes("message")) {
    return "There are no project messages for me to summarize yet.\n";
  }
  return overview(context);
}

function section(title: string, tasks: ContextTask[], format: (t: ContextTask) => string, empty: string) {
  if (tasks.length === 0) return `${empty}\n`;
  return `### ${title}\n\n${tasks.map(format).join("\n")}\n\n${tasks.length} task${tasks.length === 1 ? "" : "s"}.\n`;
}

function overview(context: AgentContext) {
  const counts = { todo: 0, in_progress: 0, blocked: 0, done: 0 };
  for (const t of context.tasks) counts[t.status]++;
  const next = context.tasks
    .filter((t) => t.status !== "done" && t.dueDate)
    .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""))
    .slice(0, 3);
  return `### Where things stand ${scope(context)}\n\n${counts.todo} to do, ${counts.in_progress} in progress, ${counts.blocked} blocked, ${counts.done} done.\n\n${
    next.length ? `Next due:\n${next.map((t) => line(t, ` — due ${t.dueDate}`)).join("\n")}\n` : ""
  }\nAsk me "Blocked tasks", "Overdue by assignee", "My tasks this week" or "What changed today?".\n`;
}
