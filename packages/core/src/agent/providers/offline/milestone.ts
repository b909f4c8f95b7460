// The offline provider's milestone answers: what was delivered, what is next and the open risks of
// the project so far, computed from the scoped context only and citing every task they name.
import type { AgentContext, ContextTask } from "../../context";
import {
  dueOf,
  inWordsOn,
  newestFirst,
  paragraphs,
  plural,
  section,
  statusOf,
  taskLine,
  where,
  who,
} from "./format";

const MAX_LISTED = 10;
const open = (c: AgentContext) => c.tasks.filter((t) => t.status !== "done");
const byDue = (a: ContextTask, b: ContextTask) =>
  (a.dueDate ?? "9").localeCompare(b.dueDate ?? "9") || a.id.localeCompare(b.id);

/** The first few items of a list, and how many more there are. */
const first = <T>(items: T[]) => ({ shown: items.slice(0, MAX_LISTED), more: items.length - MAX_LISTED });

export function delivered(c: AgentContext) {
  const done = newestFirst(
    c.tasks.filter((t) => t.status === "done"),
    (t) => t.statusChangedAt ?? t.updatedAt,
  );
  const { shown, more } = first(done);
  return paragraphs(
    section(
      `Delivered so far ${where(c)}`,
      shown,
      (t) => taskLine(c, t, ` — ${who(t)}`),
      "Nothing is done yet.",
    ),
    more > 0 ? `…and ${plural(more, "more done task")}.` : "",
  );
}

export function next(c: AgentContext) {
  const upcoming = open(c)
    .filter((t) => t.status !== "blocked")
    .sort(byDue);
  const { shown, more } = first(upcoming);
  return paragraphs(
    section(
      `What is next ${where(c)}`,
      shown,
      (t) => taskLine(c, t, ` — ${statusOf(t)}, ${who(t)}${t.dueDate ? `, ${dueOf(c, t.dueDate)}` : ""}`),
      "No open work is planned yet.",
    ),
    more > 0 ? `…and ${plural(more, "more open task")}.` : "",
  );
}

export function risks(c: AgentContext) {
  const blocked = open(c).filter((t) => t.status === "blocked");
  const overdue = open(c).filter((t) => t.status !== "blocked" && t.dueDate && t.dueDate < c.today);
  const reason = (t: ContextTask) =>
    t.status === "blocked" ? "blocked" : `overdue since ${inWordsOn(c, t.dueDate ?? c.today)}`;
  return section(
    `Open risks ${where(c)}`,
    [...blocked, ...overdue].sort(byDue),
    (t) => taskLine(c, t, ` — ${reason(t)}, ${who(t)}`),
    "No open risks: nothing is blocked or overdue.",
  );
}
