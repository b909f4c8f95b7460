// The order items compete for their share in: what names the asker and fresh status changes
// first, then (tasks) what needs attention, then newest first; ties by id for determinism. Pure.
import type { ContextFile, ContextMessage, ContextProject, ContextSiteLog, ContextTask } from "./types";

/** A status change this recent still ranks a task first. */
export const STATUS_CHANGE_DAYS = 7;

export type MetaItem = { kind: "project"; item: ContextProject } | { kind: "file"; item: ContextFile };

export function rankTasks(tasks: ContextTask[], askerId: string, now: Date): ContextTask[] {
  const today = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - STATUS_CHANGE_DAYS * 86_400_000).toISOString();
  return order(
    tasks,
    (t) => [
      t.mentions.includes(askerId) || (t.statusChangedAt !== null && t.statusChangedAt >= since),
      t.status === "blocked" ||
        (t.status !== "done" && t.dueDate !== null && t.dueDate < today) ||
        t.assigneeId === askerId,
    ],
    (t) => t.updatedAt,
  );
}

export type Written = { kind: "message"; item: ContextMessage } | { kind: "sitelog"; item: ContextSiteLog };

/**
 * The messages' share: messages and site logs, what names the asker first, then newest first. A
 * day's log counts as written at the end of its day, so it leads that day's messages.
 */
export const rankWritten = (messages: ContextMessage[], siteLogs: ContextSiteLog[]): Written[] =>
  order(
    [
      ...messages.map((item) => ({ id: item.id, kind: "message" as const, item })),
      ...siteLogs.map((item) => ({ id: item.id, kind: "sitelog" as const, item })),
    ],
    (w) => [w.kind === "message" && w.item.mentionsAsker],
    (w) => (w.kind === "message" ? w.item.createdAt : `${w.item.date}T23:59:59.999Z`),
  ).map(({ kind, item }) => ({ kind, item }) as Written);

/** Project details first (the most recently updated first), then files newest first. */
export function rankMeta(projects: ContextProject[], files: ContextFile[]): MetaItem[] {
  return [
    ...order(
      projects,
      () => [],
      (p) => p.updatedAt,
    ).map((item) => ({ kind: "project" as const, item })),
    ...order(
      files,
      () => [],
      (f) => f.createdAt,
    ).map((item) => ({ kind: "file" as const, item })),
  ];
}

function order<T extends { id: string }>(
  items: T[],
  tiers: (t: T) => boolean[],
  time: (t: T) => string,
): T[] {
  const keyed = items.map((item) => ({ item, tier: tiers(item).map(Number).join(""), time: time(item) }));
  keyed.sort(
    (a, b) =>
      b.tier.localeCompare(a.tier) || b.time.localeCompare(a.time) || b.item.id.localeCompare(a.item.id),
  );
  return keyed.map((k) => k.item);
}
