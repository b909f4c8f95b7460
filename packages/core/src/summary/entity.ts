// Access patterns: list a project's digests, or a workspace's weekly rollups, newest first; find
// the rollup an admin asked for this week.
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const SummaryEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "summary", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          /** A project id (staff digests), `clients:` + a project id (client digests), or "workspace". */
          scope: { type: "string", required: true },
          summaryId: { type: "string", required: true },
          kind: { type: ["daily", "weekly", "milestone", "meeting"] as const, required: true },
          title: { type: "string", required: true },
          content: { type: "string", required: true },
          citations: { type: "list", items: { type: "string" }, default: [] },
          /** `task:ID` -> project id, for the citations the digest's context held. */
          citedProjects: { type: "any" },
          /** When the digest emails went out (delivery.ts); set once. */
          emailedAt: { type: "string" },
          /** Set when the budget was spent: the content repeats the digest written at this time. */
          cachedFrom: { type: "string" },
          /** A meeting summary's proposed tasks: `{ title, taskId }`, taskId set once confirmed. */
          proposals: { type: "any" },
          createdAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "scope"] },
            sk: { field: "sk", composite: ["summaryId"] },
          },
        },
      },
      dataTable(),
    ),
);

/** An admin's "write this week's rollup now": one per workspace and week, so asking again is the same rollup. */
export const RollupRequestEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "rollupRequest", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          /** The Monday (UTC) the week starts, `YYYY-MM-DD`. */
          week: { type: "string", required: true },
          summaryId: { type: "string", required: true },
          createdAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId"] },
            sk: { field: "sk", composite: ["week"] },
          },
        },
      },
      dataTable(),
    ),
);
