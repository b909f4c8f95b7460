// Access pattern: list a person's notifications, newest first (ids are time-ordered).
// A budget warning is about the workspace, so it has no project.
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const NotificationEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "notification", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          userId: { type: "string", required: true },
          notificationId: { type: "string", required: true },
          kind: {
            type: ["mentioned", "assigned", "invited", "budget_warning", "change_order"] as const,
            required: true,
          },
          projectId: { type: "string" },
          subjectType: {
            type: ["message", "task", "project", "workspace", "change_order"] as const,
            required: true,
          },
          subjectId: { type: "string", required: true },
          actorId: { type: "string", required: true },
          text: { type: "string", required: true },
          /** False while the subject is internal, on a client's notification: they no longer read it (unset: visible). */
          clientVisible: { type: "boolean" },
          createdAt: { type: "string", required: true },
          readAt: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "userId"] },
            sk: { field: "sk", composite: ["notificationId"] },
          },
        },
      },
      dataTable(),
    ),
);
