import { z } from "zod";
import type { Actor, Role } from "../actor";
import { type AgentContext, build } from "../agent/context";
import { citationsOf } from "../agent/finish";
import { enqueue } from "../agent/job";
import { Audit } from "../audit";
import { Budget } from "../budget";
import { notFound } from "../error";
import { type EventDefinition, event } from "../event";
import { seesInternal } from "../permissions";
import { projectAccess, requireAdmin, requireWrite, workspaceOf } from "../policy";
import { Project } from "../project";
import { Channel, publish } from "../realtime";
import { UserEntity } from "../user/entity";
import { createId, nowIso } from "../util";
import { dayWords } from "../words";
import { compose, ProviderRefused } from "./compose";
import { emailDigest } from "./delivery";
import { RollupRequestEntity, SummaryEntity } from "./entity";

export const WORKSPACE_SCOPE = "workspace";
/** A project's client digests live apart from its staff digests: one Query lists either. */
const CLIENT_SCOPE = "clients:";

/** Who a digest is written for: staff read every item, clients the client-visible ones. */
export type Audience = "staff" | "client";
const audienceOf = (role: Role): Audience => (seesInternal(role) ? "staff" : "client");
const scopeOf = (projectId: string, audience: Audience) =>
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

type Item = {
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

const toInfo = (item: Item): Info => ({
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

/**
 * Writes today's digests of one project, tells its subscribers and emails those who opted in: one
 * for staff, and one for clients (from client-visible items only) when the project has clients.
 * Runs as the system; a job passes its own `summaryId`, so a redelivery finds its digests written.
 */
export function writeProjectDigest(workspaceId: string, projectId: string, summaryId = createId()) {
  return writeForAudiences(workspaceId, projectId, summaryId, DAILY);
}

/** What one kind of project summary asks, and its title as its audience may read it. */
export interface ProjectKind {
  kind: Info["kind"];
  prompts: string[];
  /** `reader` reads as the audience: what it cannot see must not reach the title. */
  title: (reader: Actor, project: Project.Info) => Promise<string>;
  /** Written for one occasion (a meeting): never replaced by an earlier one of its kind. */
  once?: true;
  /** Who reads it; unset: staff, and clients when the project has any. */
  audiences?: ["staff"];
  /** Drafts a person may confirm, read from the written text. */
  proposalsOf?: (content: string) => Proposal[];
}

const DAILY: ProjectKind = {
  kind: "daily",
  // One prompt per section; the offline provider answers each of these from the context alone.
  prompts: ["What changed today?", "Give an overview of where things stand."],
  title: async (_, project) => `Daily digest — ${project.name}`,
};

/** The staff summary, and the clients' one (client-visible items only) when the project has clients. */
export async function writeForAudiences(
  workspaceId: string,
  projectId: string,
  summaryId: string,
  kind: ProjectKind,
): Promise<Info> {
  const staff = await writeFor("staff", workspaceId, projectId, summaryId, kind);
  if (kind.audiences) return staff;
  const members = await Project.membersOf(workspaceId, projectId);
  if (members.some((m) => audienceOf(m.projectRole) === "client"))
    await writeFor("client", workspaceId, projectId, `${summaryId}-clients`, kind);
  return staff;
}

async function writeFor(
  audience: Audience,
  workspaceId: string,
  projectId: string,
  summaryId: string,
  { kind, prompts, title, once, proposalsOf }: ProjectKind,
) {
  const target = { workspaceId, scope: scopeOf(projectId, audience), summaryId, kind };
  const done = await written(target);
  if (done) return delivered(done);
  // The system reads as the audience's role, so a client summary's context holds no internal item.
  const system: Actor = { type: "system", workspaceId, audience: audience === "client" ? "client" : "admin" };
  const draft = await writeOrRepeat(
    target,
    prompts,
    async () => {
      const project = await Project.get(system, projectId);
      // Participants read summaries, so contact details are masked whatever the writer may see.
      const context = await build(system, projectId, { maskContacts: true });
      return { title: await title(system, project), context };
    },
    once ? nothingToRepeat : repeatLast,
  );
  if (proposalsOf) draft.proposals = proposalsOf(draft.content);
  const to = (role: Role) => audienceOf(role) === audience;
  return store(draft, (info) => publish(Channel.project(projectId), Events.Ready, info, { to }));
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
  if (await written({ workspaceId, scope: WORKSPACE_SCOPE, summaryId, kind: "weekly" })) return { summaryId };
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

/** Writes the weekly rollup of a workspace for its admins: announced on each active admin's own channel, emailed to those who opted in. */
export async function writeWorkspaceRollup(workspaceId: string, summaryId = createId()): Promise<Info> {
  const target = { workspaceId, scope: WORKSPACE_SCOPE, summaryId, kind: "weekly" as const };
  const done = await written(target);
  if (done) return delivered(done);
  const draft = await writeOrRepeat(target, WEEKLY_PROMPTS, async () => ({
    title: `Weekly rollup — week of ${dayWords(weekStart(new Date()))}`,
    context: await build({ type: "system", workspaceId }, null),
  }));
  return store(draft, (info) => toAdmins(workspaceId, Events.Ready, info));
}

/** The workspace's active admins hear it on their own channels (a rollup, a risk report: no project's). */
export async function toAdmins<S extends z.ZodType>(
  workspaceId: string,
  definition: EventDefinition<string, S>,
  data: z.infer<S>,
) {
  const admins = await UserEntity()
    .query.primary({ workspaceId })
    .where(({ role, status }, { eq }) => `${eq(role, "admin")} AND ${eq(status, "active")}`)
    .go({ pages: "all" });
  await Promise.all(admins.data.map((a) => publish(Channel.user(a.userId), definition, data)));
}

const WEEKLY_PROMPTS = ["Blocked tasks", "Overdue by assignee", "Give an overview of where things stand."];

type Target = { workspaceId: string; scope: string; summaryId: string; kind: Info["kind"] };

type Draft = Pick<
  Item,
  | "workspaceId"
  | "scope"
  | "summaryId"
  | "kind"
  | "title"
  | "content"
  | "citations"
  | "citedProjects"
  | "cachedFrom"
  | "proposals"
>;

/** A redelivered job finds its digest already written and only finishes it: no second provider call. */
async function written({ workspaceId, scope, summaryId }: Target): Promise<Item | undefined> {
  const { data } = await SummaryEntity().get({ workspaceId, scope, summaryId }).go();
  return data ?? undefined;
}

/**
 * A new digest from the provider; with the workspace's budget spent, or the provider's breaker
 * open, the last digest again, marked cached. Without an earlier one a spent budget still writes
 * (the first digest of a workspace is never missing), and an open breaker fails the job, so the
 * queue retries it later.
 */
async function writeOrRepeat(
  target: Target,
  prompts: string[],
  prepare: () => Promise<{ title: string; context: AgentContext }>,
  repeat = repeatLast,
): Promise<Draft> {
  if (await Budget.isWorkspaceSpent(target.workspaceId)) {
    const last = await repeat(target);
    if (last) return last;
  }
  const { title, context } = await prepare();
  try {
    const content = await compose(target.workspaceId, target.summaryId, prompts, context);
    return { ...target, title, content, ...citationsOf(content, context) };
  } catch (error) {
    const last = error instanceof ProviderRefused ? await repeat(target) : undefined;
    if (last) return last;
    throw error;
  }
}

/** A summary of one occasion has no earlier one to stand in for it. */
const nothingToRepeat = async (_: Target): Promise<Draft | undefined> => undefined;

/** The scope's newest summary of the kind under a new id, marked with when it was first written. */
async function repeatLast({ workspaceId, scope, summaryId, kind }: Target): Promise<Draft | undefined> {
  const { data } = await SummaryEntity()
    .query.primary({ workspaceId, scope })
    .where((item, { eq }) => eq(item.kind, kind))
    .go({ order: "desc", count: 1 });
  const last = data[0];
  if (!last) return undefined;
  const { title, content } = last;
  return {
    workspaceId,
    scope,
    summaryId,
    kind,
    title,
    content,
    citations: last.citations,
    citedProjects: last.citedProjects,
    cachedFrom: last.cachedFrom ?? last.createdAt,
  };
}

/** Stores, announces and emails a summary; a second call with the same id only finishes the emails. */
async function store(draft: Draft, announce: (info: Info) => Promise<unknown>): Promise<Info> {
  const item = { ...draft, createdAt: nowIso() };
  const created = await SummaryEntity()
    .create(item)
    .go()
    .then(
      () => true,
      () => false,
    );
  if (!created) {
    const stored = await written(draft);
    if (!stored) throw new Error(`summary ${draft.summaryId} could not be stored`);
    return delivered(stored);
  }
  await announce(toInfo(item));
  return delivered(item);
}

/** Emails a stored summary to those who opted in and are its audience (once each, however often this runs). */
async function delivered(stored: Item): Promise<Info> {
  const info = toInfo(stored);
  await emailDigest(stored, info.projectId, (role) => audienceOf(role) === info.audience);
  return info;
}
