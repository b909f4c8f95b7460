// What a task looks like outside the table: the one schema of the API, the events and the SPA.
import * as z from "zod";
import { type TaskEntity, TaskPriorities, TaskStatuses } from "./entity";

export const Status = z.enum(TaskStatuses);
export const Priority = z.enum(TaskPriorities);

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    description: z.string(),
    status: Status,
    position: z.number(),
    assigneeId: z.string().nullable(),
    startDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    priority: Priority,
    labels: z.array(z.string()),
    mentions: z.array(z.string()),
    /** False: internal, seen only by admins, team and consultants. */
    clientVisible: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Task" });
export type Info = z.infer<typeof Info>;

export type Item = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof TaskEntity>["get"]>["go"]>>["data"]
>;

export const toInfo = (item: Item): Info => ({
  id: item.taskId,
  projectId: item.projectId,
  title: item.title,
  description: item.description ?? "",
  status: item.status,
  position: item.position,
  assigneeId: item.assigneeId ?? null,
  startDate: item.startDate ?? null,
  dueDate: item.dueDate ?? null,
  priority: item.priority ?? "medium",
  labels: item.labels ?? [],
  mentions: item.mentions ?? [],
  clientVisible: item.clientVisible !== false,
  createdBy: item.createdBy,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const Label = z.string().trim().min(1).max(40);
