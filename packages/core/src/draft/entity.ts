// Access patterns: get a workspace's draft by id (its asker reads it; the worker writes it once).
// Drafts are TTL items of the Realtime table: a person uses one within minutes or asks again, and
// readers skip expired ones DynamoDB has not deleted yet.
import { Entity } from "electrodb";
import { realtimeTable, service } from "../db";
import { once } from "../util";

/** How long a draft stays readable: a working day, so a person can come back to it after lunch. */
export const DRAFT_TTL_HOURS = 24;

export const DraftEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "draft", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          draftId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          /** Only the person who asked reads it. */
          askerId: { type: "string", required: true },
          kind: { type: ["change_order", "client_update"] as const, required: true },
          status: { type: ["queued", "written", "failed"] as const, required: true },
          /** The messages a change order is drafted from. */
          messageIds: { type: "list", items: { type: "string" } },
          /** What the assistant wrote, as it wrote it (citations included). */
          content: { type: "string" },
          /** The fields read from `content` (a change order's; a client update's body). */
          proposal: { type: "any" },
          citations: { type: "list", items: { type: "string" } },
          error: { type: "string" },
          createdAt: { type: "string", required: true },
          writtenAt: { type: "string" },
          expiresAt: { type: "number", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId"] },
            sk: { field: "sk", composite: ["draftId"] },
          },
        },
      },
      realtimeTable(),
    ),
);
