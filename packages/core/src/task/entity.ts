// Access patterns: get a task; list a project's tasks (paged); list a project's board by
// column in position order (gsi1); list an assignee's tasks by due date (gsi2, sparse).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const TaskStatuses = ["todo", "in_progress", "blocked", "done"] as const;
export const TaskPriorities = ["low", "medium", "high", "urgent"] as const;

export const TaskEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "task", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          taskId: { type: "string", required: true },
          title: { type: "string", required: true },
          description: { type: "string", default: "" },
          status: { type: TaskStatuses, required: true },
          /** Order within a column; fractional so a move rewrites one item only. */
          position: { type: "number", required: true },
          /** `position` as a sortable string for the board index. */
          rank: {
            type: "string",
            watch: ["position"],
            set: (_, { position }) => rankOf(position),
          },
          assigneeId: { type: "string" },
          dueDate: { type: "string" },
          priority: { type: TaskPriorities, default: "medium" },
          labels: { type: "list", items: { type: "string" }, default: [] },
          mentions: { type: "list", items: { type: "string" }, default: [] },
          createdBy: { type: "string", required: true },
          createdAt: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "sk", composite: ["taskId"] },
          },
          byBoard: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "gsi1sk", composite: ["status", "rank"] },
          },
        },
      },
      dataTable(),
    ),
);

/** Zero-padded so lexical order equals numeric order for positions in [0, 1e12). */
export const rankOf = (position: number) => position.toFixed(6).padStart(20, "0");
