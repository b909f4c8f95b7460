// Access patterns: get a workspace's risk report by id (the worker); list a workspace's reports,
// newest first (the tab reads the latest written one). Reports are TTL items of the Realtime
// table: a newer one replaces them, and readers skip expired ones DynamoDB has not deleted yet.
import { Entity } from "electrodb";
import { realtimeTable, service } from "../db";
import { once } from "../util";

/** How long a report is kept: long enough to outlive a quiet month of no refreshes. */
export const REPORT_TTL_DAYS = 45;

export const RiskReportEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "riskReport", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          /** Time-ordered (createId): the newest report sorts last. */
          reportId: { type: "string", required: true },
          status: { type: ["queued", "written"] as const, required: true },
          /** Risk id -> `{ text, citations }`, as the assistant wrote them; set once, when written. */
          notes: { type: "any" },
          createdAt: { type: "string", required: true },
          writtenAt: { type: "string" },
          expiresAt: { type: "number", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId"] },
            sk: { field: "sk", composite: ["reportId"] },
          },
        },
      },
      realtimeTable(),
    ),
);
