// Access patterns: get-and-add the usage counter of one subject (a person, or the whole
// workspace) for one UTC day or month; get several counters at once (a question's budget
// check); list a workspace's day counters of one month in date order (one Query, sort key
// begins with the month); list a workspace's per-model counters of one month (one Query, sort
// key begins with `model` and the month). The 80% warning is claimed on the period's counter.
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
          /** `model`: the workspace's month for one model, whose id follows the month in `period`. */
          granularity: { type: ["day", "month", "model"] as const, required: true },
          /** `YYYY-MM-DD`, `YYYY-MM`, or `YYYY-MM/model` (UTC). */
          period: { type: "string", required: true },
          /** The model a `model` counter counts, as written (keys are lower-cased). */
          model: { type: "string" },
          // No defaults: an upsert that both defaults and adds an attribute is refused.
          costCents: { type: "number" },
          runs: { type: "number" },
          tokensIn: { type: "number" },
          tokensOut: { type: "number" },
          cacheWriteTokens: { type: "number" },
          cacheReadTokens: { type: "number" },
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
