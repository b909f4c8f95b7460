// Access patterns: get a task; list a project's tasks (paged); list a project's board by
// column in position order (gsi1); list a project's tasks of one assignee (or unassigned) by
// due date (gsi2). Overdue and by-label are filters on one of these Queries.
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
          /** When work starts (YYYY-MM-DD), for the schedule; never after dueDate. */
          startDate: { type: "string" },
          dueDate: { type: "string" },
          /** `assigneeId`, or NOBODY: the assignee index's partition (set with it, see keysOf). */
          assigneeKey: { type: "string", required: true },
          /** `dueDate`, or NO_DATE so undated tasks sort last in the assignee index. */
          dueKey: { type: "string", required: true },
          priority: { type: TaskPriorities, default: "medium" },
          labels: { type: "list", items: { type: "string" }, default: [] },
          mentions: { type: "list", items: { type: "string" }, default: [] },
          /** False for internal tasks, which clients never see (unset on older items: visible). */
          clientVisible: { type: "boolean" },
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
          byAssignee: {
            index: "gsi2",
            pk: { field: "gsi2pk", composite: ["workspaceId", "projectId", "assigneeKey"] },
            sk: { field: "gsi2sk", composite: ["dueKey", "taskId"] },
          },
        },
      },
      dataTable(),
    ),
);

/** Zero-padded so lexical order equals numeric order for positions in [0, 1e12). */
export const rankOf = (position: number) => position.toFixed(6).padStart(20, "0");

export const NOBODY = "-";
export const NO_DATE = "9999-12-31";

/** The assignee index's keys; written whenever the assignee or the due date changes. */
export const keysOf = (task: { assigneeId?: string | null; dueDate?: string | null }) => ({
  assigneeKey: task.assigneeId ?? NOBODY,
  dueKey: task.dueDate ?? NO_DATE,
});
