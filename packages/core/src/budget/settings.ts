// A workspace's agent budgets in cents (0 = no limit): the configured defaults, or the values
// its admin chose, kept on the Workspace item. Changing them is an audited admin action.
import * as z from "zod";
import type { Actor, UserActor } from "../actor";
import { Audit } from "../audit";
import { config } from "../config";
import { notFound } from "../error";
import { requireAdmin, requireWrite } from "../policy";
import { WorkspaceEntity } from "../workspace/entity";

/**
 * Fractional cents are fine down to a ten-thousandth (DynamoDB cannot store a denormal double);
 * the cap only keeps a typo from meaning "unlimited".
 */
const Cents = z
  .number()
  .nonnegative()
  .max(100_000_000)
  .refine((n) => n === 0 || n >= 0.0001, "Use 0 for no limit, or at least 0.0001 cents.");

export const Budgets = z
  .object({ userDailyCents: Cents, workspaceDailyCents: Cents, workspaceMonthlyCents: Cents })
  .strict()
  .meta({ id: "Budgets" });
export type Budgets = z.infer<typeof Budgets>;

/** The budgets in force for a workspace (no actor: the worker and the scheduler ask too). */
export async function budgetsOf(workspaceId: string): Promise<Budgets> {
  const { data } = await WorkspaceEntity().get({ workspaceId }).go();
  if (!data) throw notFound("workspace");
  const defaults = config().ai.budgets;
  return {
    userDailyCents: data.userDailyBudgetCents ?? defaults.userDailyCents,
    workspaceDailyCents: data.dailyBudgetCents ?? defaults.workspaceDailyCents,
    workspaceMonthlyCents: data.monthlyBudgetCents ?? defaults.workspaceMonthlyCents,
  };
}

/** An admin of exactly this workspace; any other workspace id is a 404. */
export function requireAdminOf(actor: Actor, workspaceId: string): UserActor {
  const admin = requireAdmin(actor);
  if (admin.workspaceId !== workspaceId) throw notFound("workspace");
  return admin;
}

export async function get(actor: Actor, workspaceId: string): Promise<Budgets> {
  requireAdminOf(actor, workspaceId);
  return budgetsOf(workspaceId);
}

export async function set(
  actor: Actor,
  workspaceId: string,
  input: z.input<typeof Budgets>,
): Promise<Budgets> {
  requireAdminOf(actor, workspaceId);
  requireWrite(actor);
  const next = Budgets.parse(input);
  const before = await budgetsOf(workspaceId);
  await WorkspaceEntity()
    .patch({ workspaceId })
    .set({
      userDailyBudgetCents: next.userDailyCents,
      dailyBudgetCents: next.workspaceDailyCents,
      monthlyBudgetCents: next.workspaceMonthlyCents,
    })
    .go();
  await Audit.record(actor, {
    action: "budgets.updated",
    targetType: "workspace",
    targetId: workspaceId,
    summary: "Changed the assistant budgets",
    details: { before, after: next },
  });
  return next;
}
