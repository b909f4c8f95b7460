// Access patterns: get a workspace by id; list every workspace (scheduled digests).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const WorkspaceEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "workspace", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          name: { type: "string", required: true },
          createdAt: { type: "string", required: true },
          /** Agent budgets in cents chosen by an admin (0 = no limit); absent: the configured default. */
          dailyBudgetCents: { type: "number" },
          monthlyBudgetCents: { type: "number" },
          userDailyBudgetCents: { type: "number" },
          /** The AI model its admin chose from AI_MODELS; absent: AI_MODEL. */
          aiModel: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId"] },
            sk: { field: "sk", composite: [] },
          },
          /** Every workspace, for the scheduled digests' fan-out. */
          all: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: [] },
            sk: { field: "gsi1sk", composite: ["workspaceId"] },
          },
        },
      },
      dataTable(),
    ),
);
