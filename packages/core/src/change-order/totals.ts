// A project's running totals: its original budget, the change orders the client approved, and
// those sent and awaiting a decision (drafts, withdrawn, declined and expired ones count for
// nothing). Everyone on the project reads the same numbers. One Query of the project's change orders.
import * as z from "zod";
import type { Actor } from "../actor";
import { config } from "../config";
import { projectAccess } from "../policy";
import { ChangeOrderEntity } from "./entity";
import { stateOf } from "./info";

export const Totals = z
  .object({
    /** ISO 4217; every amount is in its minor units. */
    currency: z.string(),
    /** The project's original budget; null when none was set. */
    budget: z.number().int().nullable(),
    approved: z.number().int(),
    approvedCount: z.number().int(),
    pending: z.number().int(),
    pendingCount: z.number().int(),
    /** The budget with the approved changes; null without a budget. */
    current: z.number().int().nullable(),
  })
  .meta({ id: "ProjectTotals" });
export type Totals = z.infer<typeof Totals>;

export async function totals(actor: Actor, projectId: string): Promise<Totals> {
  const { project } = await projectAccess(actor, projectId);
  const { data } = await ChangeOrderEntity()
    .query.primary({ workspaceId: project.workspaceId, projectId })
    .go({ pages: "all", attributes: ["state", "costDelta", "decisionDue"] });
  const sum = (state: "approved" | "sent") => {
    const counted = data.filter((item) => stateOf(item) === state);
    return [counted.reduce((total, item) => total + item.costDelta, 0), counted.length] as const;
  };
  const [approved, approvedCount] = sum("approved");
  const [pending, pendingCount] = sum("sent");
  const budget = project.budget ?? null;
  return {
    currency: config().currency,
    budget,
    approved,
    approvedCount,
    pending,
    pendingCount,
    current: budget === null ? null : budget + approved,
  };
}
