// Access patterns: get a change order of a project; list a project's change orders newest first
// (ids are time-ordered). Drafts carry `clientVisible: false`, so a client's list is the same
// Query with the feed's visibility filter.
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const ChangeOrderStates = ["draft", "sent", "approved", "declined", "withdrawn"] as const;

export const ChangeOrderEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "change_order", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          changeOrderId: { type: "string", required: true },
          title: { type: "string", required: true },
          description: { type: "string", default: "" },
          reason: { type: "string", default: "" },
          /** Minor units of the configured currency; negative for a credit. */
          costDelta: { type: "number", required: true },
          scheduleDeltaDays: { type: "number", required: true },
          attachments: {
            type: "list",
            items: {
              type: "map",
              properties: {
                id: { type: "string", required: true },
                name: { type: "string", required: true },
              },
            },
            default: [],
          },
          /** YYYY-MM-DD: the client may decide through this day (UTC). */
          decisionDue: { type: "string", required: true },
          internalNote: { type: "string", default: "" },
          state: { type: ChangeOrderStates, required: true },
          /** False while a draft: clients never see one (the feed's visibility filter). */
          clientVisible: { type: "boolean", required: true },
          createdBy: { type: "string", required: true },
          createdAt: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
          sentBy: { type: "string" },
          sentAt: { type: "string" },
          withdrawnBy: { type: "string" },
          withdrawnAt: { type: "string" },
          decidedBy: { type: "string" },
          decidedAt: { type: "string" },
          /** The typed full name the client signed with. */
          signature: { type: "string" },
          decidedFromIp: { type: "string" },
          declineReason: { type: "string" },
          /** What the client decided on, frozen in the same write as the decision. */
          snapshot: { type: "any" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "sk", composite: ["changeOrderId"] },
          },
        },
      },
      dataTable(),
    ),
);
