import * as z from "zod";
import { Activity } from "../activity";
import type { Actor } from "../actor";
import { conditionFailed } from "../db";
import { conflict, notFound, VisibleError } from "../error";
import { event, visibilityEvents } from "../event";
import { Notification } from "../notification";
import { type Action, visibleOnCreate } from "../permissions";
import { type ProjectAccess, projectAccess, requirePermission, workspaceOf } from "../policy";
import { Project } from "../project";
import { createId, Id, nowIso } from "../util";
import { STATUS_WORDS } from "../words";
import { keysOf, TaskEntity } from "./entity";
import { Info, type Item, Label, Priority, Status, toInfo } from "./info";
import { queueMilestoneSummary } from "./milestone";
import { concerned, tell } from "./people";

export { Info, Label, Priority, Status, toInfo } from "./info";
export { ListInput, list, listAll } from "./list";
export { MILESTONE_LABEL, milestoneSummaryId } from "./milestone";

const DateOnly = z.iso.date();

/** Board order: the board index keeps six decimals, and DynamoDB cannot store below 1e-130. */
const Position = z
  .number()
  .min(0)
  .max(1e11)
  .refine((v) => v === 0 || v >= 1e-6, "A position is 0 or at least 0.000001.");

export const Events = {
  Created: event("task.created", Info),
  Updated: event("task.updated", Info),
  Moved: event("task.moved", Info),
  Deleted: event("task.deleted", z.object({ id: z.string(), projectId: z.string() })),
  ...visibilityEvents("task", Info),
};

export const CreateInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).optional(),
    status: Status.optional(),
    assigneeId: Id.optional(),
    /** When work starts, for the schedule; on or before dueDate when both are set. */
    startDate: DateOnly.optional(),
    dueDate: DateOnly.optional(),
    priority: Priority.optional(),
    labels: z.array(Label).max(20).optional(),
    position: Position.optional(),
    /** Unset: the project's default. Only roles that may change visibility may choose. */
    clientVisible: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "CreateTaskInput" });

export async function create(
  actor: Actor,
  projectId: string,
  input: z.input<typeof CreateInput>,
): Promise<Info> {
  const data = CreateInput.parse(input);
  checkDates(data);
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, "task", "create");
  if (data.assigneeId) requirePermission(access, "task", "assign");
  if (data.clientVisible !== undefined) requirePermission(access, "task", "visibility");
  const workspaceId = workspaceOf(actor);
  const { project, role } = access;
  const clientVisible = visibleOnCreate(
    role,
    "task",
    project.clientVisibleByDefault !== false,
    data.clientVisible,
  );
  const { mentions } = await concerned(workspaceId, projectId, {
    assigneeId: data.assigneeId,
    text: `${data.title}\n${data.description ?? ""}`,
    internal: !clientVisible,
  });
  const now = nowIso();
  const item = {
    workspaceId,
    projectId,
    taskId: createId(),
    title: data.title,
    description: data.description ?? "",
    status: data.status ?? "todo",
    // Appends to the column: creation time in ms is monotonic and leaves room between tasks.
    position: data.position ?? Date.now() / 1000,
    assigneeId: data.assigneeId,
    startDate: data.startDate,
    dueDate: data.dueDate,
    ...keysOf(data),
    priority: data.priority ?? "medium",
    labels: data.labels ?? [],
    mentions: mentions ?? [],
    clientVisible,
    createdBy: actor.type === "user" ? actor.userId : "system",
    createdAt: now,
    updatedAt: now,
  };
  const { data: stored } = await TaskEntity().create(item).go();
  const task = toInfo(stored as Item);
  await Project.announce(actor, projectId, Events.Created, task, about(task, `Created "${task.title}"`), {
    now: task.clientVisible,
    events: Events,
  });
  await tell(actor, task);
  return task;
}

export async function get(actor: Actor, projectId: string, taskId: string): Promise<Info> {
  return find(await projectAccess(actor, projectId), taskId);
}

/** A task the access may see (an internal one is not found for a client). */
async function find(access: ProjectAccess, taskId: string): Promise<Info> {
  const { workspaceId, projectId } = access.project;
  const { data } = await TaskEntity().get({ workspaceId, projectId, taskId }).go();
  if (!data) throw notFound("task");
  const task = toInfo(data as Item);
  requirePermission(access, "task", "view", task);
  return task;
}

/** A task cannot end before it starts (dates are YYYY-MM-DD, so text order is date order). */
function checkDates(dates: { startDate?: string | null; dueDate?: string | null }): void {
  const { startDate, dueDate } = dates;
  if (startDate && dueDate && startDate > dueDate)
    throw new VisibleError("task.start_after_due", "The start date must be on or before the due date.", 422);
}

/** The rows of the permission table a patch needs: a status change is a move, a lone position a reorder. */
function actionsOf(patch: z.infer<typeof UpdateInput>, before: Info): Action<"task">[] {
  const actions: Action<"task">[] = [];
  const { assigneeId, status, position, clientVisible, ...edits } = patch;
  if (Object.values(edits).some((v) => v !== undefined)) actions.push("edit");
  if (assigneeId !== undefined && assigneeId !== before.assigneeId) actions.push("assign");
  if (status !== undefined && status !== before.status) actions.push("status");
  else if (position !== undefined && position !== before.position) actions.push("reorder");
  if (clientVisible !== undefined && clientVisible !== before.clientVisible) actions.push("visibility");
  return actions;
}

export const UpdateInput = CreateInput.partial()
  .extend({
    assigneeId: Id.nullable().optional(),
    startDate: DateOnly.nullable().optional(),
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
  const patch = UpdateInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  const { before, task } = await patchAsRead(actor, access, taskId, patch);
  const workspaceId = workspaceOf(actor);
  const moved = task.status !== before.status || task.position !== before.position;
  const summary =
    task.status !== before.status
      ? `Moved "${task.title}" to ${STATUS_WORDS[task.status]}`
      : task.clientVisible !== before.clientVisible
        ? `Made "${task.title}" ${task.clientVisible ? "visible to clients" : "internal"}`
        : `Updated "${task.title}"`;
  await Project.announce(
    actor,
    projectId,
    moved ? Events.Moved : Events.Updated,
    task,
    about(task, summary),
    {
      now: task.clientVisible,
      before: before.clientVisible,
      events: Events,
    },
  );
  if (task.clientVisible !== before.clientVisible) {
    await Activity.setVisibility(workspaceId, projectId, task.id, task.clientVisible);
    await Notification.setVisibility(workspaceId, projectId, task);
  }
  await tell(actor, task, before);
  await queueMilestoneSummary(workspaceId, task, before);
  return task;
}

/** Writes of one patch that may meet a concurrent change of the task before giving up with a 409. */
const PATCH_ATTEMPTS = 3;

/**
 * Reads the task, checks the patch against it and writes it while the task is still as read
 * (see writePatch). A change that landed meanwhile means reading and checking again: the task is
 * gone (404), or the patch is now refused (its dates, 422), or it is written; after a few races, 409.
 */
async function patchAsRead(
  actor: Actor,
  access: ProjectAccess,
  taskId: string,
  patch: z.infer<typeof UpdateInput>,
): Promise<{ before: Info; task: Info }> {
  for (let attempt = 0; attempt < PATCH_ATTEMPTS; attempt++) {
    const before = await find(access, taskId);
    const task = await writePatch(actor, access, before, patch);
    if (task) return { before, task };
  }
  throw conflict("task.changed", "Someone else changed this task at the same time. Reload it and try again.");
}

/**
 * Checks the patch against `before` and writes it, or returns undefined if the write's condition
 * failed: the task was deleted or changed since it was read.
 */
async function writePatch(
  actor: Actor,
  access: ProjectAccess,
  before: Info,
  patch: z.infer<typeof UpdateInput>,
): Promise<Info | undefined> {
  const { projectId } = access.project;
  for (const action of actionsOf(patch, before)) requirePermission(access, "task", action, before);
  const { assigneeId, startDate, dueDate, ...rest } = patch;
  checkDates({
    startDate: startDate === undefined ? before.startDate : startDate,
    dueDate: dueDate === undefined ? before.dueDate : dueDate,
  });
  const workspaceId = workspaceOf(actor);
  const textChanged = rest.title !== undefined || rest.description !== undefined;
  const { mentions } = await concerned(workspaceId, projectId, {
    assigneeId,
    internal: !(rest.clientVisible ?? before.clientVisible),
    kept: before.assigneeId,
    text: textChanged
      ? `${rest.title ?? before.title}\n${rest.description ?? before.description}`
      : undefined,
  });
  const key = { workspaceId, projectId, taskId: before.id };
  // The board index is keyed by status and position together, so a change of either re-sends both;
  // the assignee index by assignee and due date, so a change of either re-sends both keys.
  const position = rest.status !== undefined ? (rest.position ?? before.position) : rest.position;
  const status = position !== undefined ? (rest.status ?? before.status) : undefined;
  const indexKeys =
    assigneeId !== undefined || dueDate !== undefined
      ? keysOf({
          assigneeId: assigneeId === undefined ? before.assigneeId : assigneeId,
          dueDate: dueDate === undefined ? before.dueDate : dueDate,
        })
      : {};
  let op = TaskEntity()
    .patch(key)
    .set({
      ...rest,
      ...indexKeys,
      ...(position === undefined ? {} : { position, status }),
      ...(mentions === undefined ? {} : { mentions }),
      updatedAt: nextVersion(before.updatedAt),
    });
  if (assigneeId !== undefined) op = assigneeId === null ? op.remove(["assigneeId"]) : op.set({ assigneeId });
  if (startDate !== undefined) op = startDate === null ? op.remove(["startDate"]) : op.set({ startDate });
  if (dueDate !== undefined) op = dueDate === null ? op.remove(["dueDate"]) : op.set({ dueDate });
  // Written only while the task is as read: every check above (dates, permissions, mentions) and
  // every field re-sent (the index keys, status with position) was worked out from `before`.
  op = op.where((stored, { eq }) => eq(stored.updatedAt, before.updatedAt));
  // ElectroDB's patch also requires the task to exist: deleted meanwhile, it is never recreated.
  return op.go({ response: "all_new" }).then(
    ({ data }) => toInfo(data as Item),
    (error) => {
      if (conditionFailed(error)) return undefined;
      throw error;
    },
  );
}

/**
 * A task's updatedAt is its version: each write's is later than the one it replaces, even within
 * one millisecond, so "the task is as read" is exactly "its updatedAt is as read".
 */
const nextVersion = (previous: string) =>
  new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();

export async function remove(actor: Actor, projectId: string, taskId: string): Promise<void> {
  const access = await Project.requireWritable(actor, projectId);
  const task = await find(access, taskId);
  requirePermission(access, "task", "delete", task);
  await TaskEntity()
    .delete({ workspaceId: workspaceOf(actor), projectId, taskId })
    .go();
  await Project.announce(
    actor,
    projectId,
    Events.Deleted,
    { id: taskId, projectId },
    about(task, `Deleted "${task.title}"`),
    { now: task.clientVisible, events: Events },
  );
}

const about = (task: Info, summary: string) => ({
  subjectType: "task" as const,
  subjectId: task.id,
  summary,
});
