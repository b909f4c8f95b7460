// Writes summaries: a project's daily digests for staff and for clients, the weekly rollup of a
// workspace, and the summaries of an occasion (milestone.ts, minutes.ts) — from the provider, or
// the last one again while the budget is spent or the breakers open — then stores, announces and
// emails them. It calls the models (compose.ts), so only the agent worker imports it (writers.ts).
import type * as z from "zod";
import type { Actor, Role } from "../actor";
import { type AgentContext, build } from "../agent/context";
import { citationsOf } from "../agent/finish";
import { Budget } from "../budget";
import type { EventDefinition } from "../event";
import { Project } from "../project";
import { Channel, publish } from "../realtime";
import { UserEntity } from "../user/entity";
import { createId, nowIso } from "../util";
import { dayWords } from "../words";
import { compose, ProviderRefused } from "./compose";
import { emailDigest } from "./delivery";
import { SummaryEntity } from "./entity";
import {
  type Audience,
  audienceOf,
  Events,
  type Info,
  type Item,
  type Proposal,
  scopeOf,
  toInfo,
  WORKSPACE_SCOPE,
  weekStart,
  written,
} from "./summary";

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
    .go({ pages: "all", attributes: ["userId"] });
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
