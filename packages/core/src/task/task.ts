import { z } from "zod";
import type { Actor } from "../actor";
import { type Page, toPage } from "../db";
import { notFound } from "../error";
import { event } from "../event";
import { requireProject, requireWrite, workspaceOf } from "../policy";
import { Channel, publish } from "../realtime";
import { createId, nowIso } from "../util";
import { TaskEntity, TaskPriorities, TaskStatuses } from "./entity";

export const Status = z.enum(TaskStatuses);
export const Priority = z.enum(TaskPriorities);
const DateOnly = z.iso.date();

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    description: z.string(),
    status: Status,
    position: z.number(),
    assigneeId: z.string().nullable(),
    dueDate: z.string().nullable(),
    priority: Priority,
    labels: z.array(z.string()),
    mentions: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Task" });
export type Info = z.infer<typeof Info>;

export const Events = {
  Created: event("task.created", Info),
  Updated: event("task.updated", Info),
  Moved: event("task.moved", Info),
  Deleted: event("task.deleted", z.object({ id: z.string(), projectId: z.string() })),
};

type Item = NonNullable<Awaited<ReturnType<ReturnType<ReturnType<typeof TaskEntity>["get"]>["go"]>>["data"]>;

export const toInfo = (item: Item): Info => ({
  id: item.taskId,
  projectId: item.projectId,
  title: item.title,
  description: item.description ?? "",
  status: item.status,
  position: item.position,
  assigneeId: item.assigneeId ?? null,
  dueDate: item.dueDate ?? null,
  priority: item.priority ?? "medium",
  labels: item.labels ?? [],
  mentions: item.mentions ?? [],
  createdBy: item.createdBy,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

const Label = z.string().trim().min(1).max(40);

export const CreateInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).optional(),
    status: Status.optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    dueDate: DateOnly.optional(),
    priority: Priority.optional(),
    labels: z.array(Label).max(20).optional(),
    position: z.number().min(0).max(1e11).optional(),
  })
  .strict()
  .meta({ id: "CreateTaskInput" });

export async function create(
  actor: Actor,
  projectId: string,
  input: z.input<typeof CreateInput>,
): Promise<Info> {
  requireWrite(actor);
  const data = CreateInput.parse(input);
  await requireProject(actor, projectId);
  const now = nowIso();
  const item = {
    workspaceId: workspaceOf(actor),
    projectId,
    taskId: createId(),
    title: data.title,
    description: data.description ?? "",
    status: data.status ?? "todo",
    // Appends to the column: creation time in ms is monotonic and leaves room between tasks.
    position: data.position ?? Date.now() / 1000,
    assigneeId: data.assigneeId,
    dueDate: data.dueDate,
    priority: data.priority ?? "medium",
    labels: data.labels ?? [],
    mentions: [],
    createdBy: actor.type === "user" ? actor.userId : "system",
    createdAt: now,
    updatedAt: now,
  };
  const { data: stored } = await TaskEntity().create(item).go();
  const task = toInfo(stored as Item);
  await publish(Channel.project(projectId), Events.Created, task);
  return task;
}

export const ListInput = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** The project's tasks in board order (by status, then position); one Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  const { cursor, limit } = ListInput.parse(input);
  await requireProject(actor, projectId);
  const result = await TaskEntity()
    .query.byBoard({ workspaceId: workspaceOf(actor), projectId })
    .go({ cursor, limit });
  return toPage({ data: result.data.map((t) => toInfo(t as Item)), cursor: result.cursor });
}

export async function get(actor: Actor, projectId: string, taskId: string): Promise<Info> {
  await requireProject(actor, projectId);
  const { data } = await TaskEntity()
    .get({ workspaceId: workspaceOf(actor), projectId, taskId })
    .go();
  if (!data) throw notFound("task");
  return toInfo(data as Item);
}

export const UpdateInput = CreateInput.partial()
  .extend({
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    dueDate: DateOnly.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Give at least one field to change.")
  .meta({ id: "UpdateTaskInput" });

/** Partial update; a change of status or position is a move and is announced as `task.moved`. */
export async function update(
  actor: Actor,
  projectId: string,
  taskId: string,
  input: z.input<typeof UpdateInput>,
): Promise<Info> {
  requireWrite(actor);
  const patch = UpdateInput.parse(input);
  const before = await get(actor, projectId, taskId);
  const { assigneeId, dueDate, ...rest } = patch;
  const key = { workspaceId: workspaceOf(actor), projectId, taskId };
  // The board index is keyed by status and position together, so a status change re-sends both.
  const position = rest.status !== undefined ? (rest.position ?? before.position) : rest.position;
  let op = TaskEntity()
    .patch(key)
    .set({ ...rest, ...(position === undefined ? {} : { position }), updatedAt: nowIso() });
  if (assigneeId !== undefined) op = assigneeId === null ? op.remove(["assigneeId"]) : op.set({ assigneeId });
  if (dueDate !== undefined) op = dueDate === null ? op.remove(["dueDate"]) : op.set({ dueDate });
  const { data } = await op.go({ response: "all_new" });
  const task = toInfo(data as Item);
  const moved = task.status !== before.status || task.position !== before.position;
  await publish(Channel.project(projectId), moved ? Events.Moved : Events.Updated, task);
  return task;
}

export async function remove(actor: Actor, projectId: string, taskId: string): Promise<void> {
  requireWrite(actor);
  await get(actor, projectId, taskId);
  await TaskEntity()
    .delete({ workspaceId: workspaceOf(actor), projectId, taskId })
    .go();
  await publish(Channel.project(projectId), Events.Deleted, { id: taskId, projectId });
}
