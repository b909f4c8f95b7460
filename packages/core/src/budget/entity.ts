// Access patterns: get-and-add the usage counter of one subject (a person, or the whole
// workspace) for one UTC day or month; get several counters at once (a question's budget
// check); list a workspace's day counters of one month in date order (one Query, sort key
// begins with the month). The 80% warning is claimed on the period's counter (`warnedAt`).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const UsageCounterEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "usageCounter", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          /** A user id, or "workspace" for the whole workspace. */
          subject: { type: "string", required: true },
          granularity: { type: ["day", "month"] as const, required: true },
          /** `YYYY-MM-DD` or `YYYY-MM`, UTC. */
          period: { type: "string", required: true },
          // No defaults: an upsert that both defaults and adds an attribute is refused.
          costCents: { type: "number" },
          runs: { type: "number" },
          tokensIn: { type: "number" },
          tokensOut: { type: "number" },
          /** When the admins were told this period's budget passed 80%. */
          warnedAt: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "subject"] },
            sk: { field: "sk", composite: ["granularity", "period"] },
          },
        },
      },
      dataTable(),
    ),
);
