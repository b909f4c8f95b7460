// Access pattern: list a workspace's audit entries, newest first (ids are time-ordered).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const AuditEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "audit", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          auditId: { type: "string", required: true },
          /** A user id, or "system" for the worker and the scheduler. */
          actorId: { type: "string", required: true },
          action: { type: "string", required: true },
          targetType: { type: "string", required: true },
          targetId: { type: "string", required: true },
          summary: { type: "string", required: true },
          details: { type: "any" },
          createdAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId"] },
            sk: { field: "sk", composite: ["auditId"] },
          },
        },
      },
      dataTable(),
    ),
);
