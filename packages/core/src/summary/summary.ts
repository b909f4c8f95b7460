// Summaries as people read them: what one is, where each audience's live, and the lists the API
// serves. Writing them calls the models and happens in the agent worker only (write.ts).
import * as z from "zod";
import type { Actor, Role } from "../actor";
import { enqueue } from "../agent/job";
import { Audit } from "../audit";
import { notFound } from "../error";
import { event } from "../event";
import { seesInternal } from "../permissions";
import { projectAccess, requireAdmin, requireWrite, workspaceOf } from "../policy";
import { createId, nowIso } from "../util";
import { RollupRequestEntity, SummaryEntity } from "./entity";

export const WORKSPACE_SCOPE = "workspace";
/** A project's client digests live apart from its staff digests: one Query lists either. */
const CLIENT_SCOPE = "clients:";

/** Who a digest is written for: staff read every item, clients the client-visible ones. */
export type Audience = "staff" | "client";
export const audienceOf = (role: Role): Audience => (seesInternal(role) ? "staff" : "client");
export const scopeOf = (projectId: string, audience: Audience) =>
  audience === "client" ? `${CLIENT_SCOPE}${projectId}` : projectId;

export const Proposal = z
  .object({ title: z.string(), taskId: z.string().nullable() })
  .meta({ id: "ProposedTask" });
export type Proposal = z.infer<typeof Proposal>;

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string().nullable(),
    kind: z.enum(["daily", "weekly", "milestone", "meeting"]),
    /** Staff digests read every item; client digests only client-visible ones. */
    audience: z.enum(["staff", "client"]),
    title: z.string(),
    content: z.string(),
    citations: z.array(z.string()),
    /** The project of each citation the digest's context held (`task:ID` -> project id). */
    citedProjects: z.record(z.string(), z.string()),
    createdAt: z.string(),
    /** True when the budget was spent or the provider down: the content repeats an earlier digest… */
    cached: z.boolean(),
    /** …written at this time. */
    cachedFrom: z.string().nullable(),
    /** A meeting summary's proposed tasks: drafts until a person confirms one (then its task's id). */
    proposals: z.array(Proposal),
  })
  .meta({ id: "Summary" });
export type Info = z.infer<typeof Info>;

export const Events = { Ready: event("agent.summary.ready", Info) };

export type Item = {
  workspaceId: string;
  scope: string;
  summaryId: string;
  kind: Info["kind"];
  title: string;
  content: string;
  citations?: string[];
  citedProjects?: unknown;
  createdAt: string;
  cachedFrom?: string;
  proposals?: unknown;
};

export const toInfo = (item: Item): Info => ({
  id: item.summaryId,
  projectId: item.scope === WORKSPACE_SCOPE ? null : item.scope.replace(CLIENT_SCOPE, ""),
  kind: item.kind,
  audience: item.scope.startsWith(CLIENT_SCOPE) ? "client" : "staff",
  title: item.title,
  content: item.content,
  citations: item.citations ?? [],
  citedProjects: (item.citedProjects as Record<string, string> | undefined) ?? {},
  createdAt: item.createdAt,
  cached: Boolean(item.cachedFrom),
  cachedFrom: item.cachedFrom ?? null,
  proposals: (item.proposals as Proposal[] | undefined) ?? [],
});

const page = z.object({ limit: z.coerce.number().int().min(1).max(50).default(14) });

/** The project's digests for the reader's audience: staff see staff digests, clients client ones. */
export async function listForProject(actor: Actor, projectId: string, input: z.input<typeof page> = {}) {
  const { role } = await projectAccess(actor, projectId);
  return list(workspaceOf(actor), scopeOf(projectId, audienceOf(role)), page.parse(input).limit);
}

/** Weekly rollups: admins of that workspace only; any other workspace id is a 404. */
export async function listForWorkspace(actor: Actor, workspaceId: string, input: z.input<typeof page> = {}) {
  const admin = requireAdmin(actor);
  if (admin.workspaceId !== workspaceId) throw notFound("workspace");
  return list(workspaceId, WORKSPACE_SCOPE, page.parse(input).limit);
}

async function list(workspaceId: string, scope: string, limit: number) {
  const { data } = await SummaryEntity().query.primary({ workspaceId, scope }).go({ order: "desc", limit });
  return { items: data.map(toInfo) };
}

/** A stored summary, by its key: a redelivered job, or a second request, finds it written. */
export async function written({
  workspaceId,
  scope,
  summaryId,
}: {
  workspaceId: string;
  scope: string;
  summaryId: string;
}): Promise<Item | undefined> {
  const { data } = await SummaryEntity().get({ workspaceId, scope, summaryId }).go();
  return data ?? undefined;
}

/**
 * An admin asks for the weekly rollup now rather than on Monday: the same job the schedule queues
 * (emailed like Monday's to admins who opted in). Idempotent within a week: asking again returns
 * the same id, and queues the job again only while that rollup is unwritten (the job is idempotent).
 */
export async function requestWorkspaceRollup(
  actor: Actor,
  workspaceId: string,
): Promise<{ summaryId: string }> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  if (admin.workspaceId !== workspaceId) throw notFound("workspace");
  const summaryId = await claimThisWeek(workspaceId);
  if (await written({ workspaceId, scope: WORKSPACE_SCOPE, summaryId })) return { summaryId };
  await enqueue({ type: "digest.workspace", workspaceId, summaryId });
  await Audit.record(actor, {
    action: "digest.requested",
    targetType: "workspace",
    targetId: workspaceId,
    summary: "Asked for the weekly digest now",
  });
  return { summaryId };
}

/** The id of this week's requested rollup: the first request's, for every request of the week. */
async function claimThisWeek(workspaceId: string): Promise<string> {
  const key = { workspaceId, week: weekStart(new Date()) };
  const claimed = await RollupRequestEntity()
    .create({ ...key, summaryId: createId(), createdAt: nowIso() })
    .go()
    .then(
      ({ data }) => data,
      () => undefined,
    );
  if (claimed) return claimed.summaryId;
  const { data } = await RollupRequestEntity().get(key).go();
  if (!data) throw new Error(`rollup request of ${key.week} could not be read`);
  return data.summaryId;
}

/** The Monday (UTC) of the week `at` falls in, `YYYY-MM-DD`. */
export const weekStart = (at: Date) => {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
};
