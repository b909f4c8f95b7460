// Access pattern: list a project's activity, newest first (ids are time-ordered).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const ActivityEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "activity", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          activityId: { type: "string", required: true },
          /** A user id, or "system". */
          actorId: { type: "string", required: true },
          action: { type: "string", required: true },
          subjectType: {
            type: ["project", "task", "message", "file", "assignment", "change_order", "site_log"] as const,
            required: true,
          },
          subjectId: { type: "string", required: true },
          summary: { type: "string", required: true },
          /** False when the subject is internal: clients never read the line (unset: visible). */
          clientVisible: { type: "boolean" },
          createdAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "sk", composite: ["activityId"] },
          },
        },
      },
      dataTable(),
    ),
);
