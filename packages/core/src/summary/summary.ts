import { z } from "zod";
import type { Actor } from "../actor";
import { build } from "../agent/context";
import { citationsIn } from "../agent/finish";
import { Budget } from "../budget";
import { notFound } from "../error";
import { event } from "../event";
import { requireAdmin, requireProject, workspaceOf } from "../policy";
import { Project } from "../project";
import { Channel, publish } from "../realtime";
import { createId, nowIso } from "../util";
import { compose } from "./compose";
import { emailDigest } from "./delivery";
import { SummaryEntity } from "./entity";

export const WORKSPACE_SCOPE = "workspace";

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string().nullable(),
    kind: z.enum(["daily", "weekly", "milestone", "meeting"]),
    title: z.string(),
    content: z.string(),
    citations: z.array(z.string()),
    createdAt: z.string(),
    /** True when the workspace's budget was spent: the content repeats an earlier digest… */
    cached: z.boolean(),
    /** …written at this time. */
    cachedFrom: z.string().nullable(),
  })
  .meta({ id: "Summary" });
export type Info = z.infer<typeof Info>;

export const Events = { Ready: event("agent.summary.ready", Info) };

type Item = {
  scope: string;
  summaryId: string;
  kind: Info["kind"];
  title: string;
  content: string;
  citations?: string[];
  createdAt: string;
  cachedFrom?: string;
};

const toInfo = (item: Item): Info => ({
  id: item.summaryId,
  projectId: item.scope === WORKSPACE_SCOPE ? null : item.scope,
  kind: item.kind,
  title: item.title,
  content: item.content,
  citations: item.citations ?? [],
  createdAt: item.createdAt,
  cached: Boolean(item.cachedFrom),
  cachedFrom: item.cachedFrom ?? null,
});

const page = z.object({ limit: z.coerce.number().int().min(1).max(50).default(14) });

export async function listForProject(actor: Actor, projectId: string, input: z.input<typeof page> = {}) {
  await requireProject(actor, projectId);
  return list(workspaceOf(actor), projectId, page.parse(input).limit);
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
 * Writes today's digest of one project, tells its subscribers and emails those who opted in.
 * Runs as the system; a job passes its own `summaryId`, so a redelivery finds its digest written.
 */
export async function writeProjectDigest(
  workspaceId: string,
  projectId: string,
  summaryId = createId(),
): Promise<Info> {
  const done = await written(workspaceId, projectId, summaryId);
  if (done) return store(done, Channel.project(projectId));
  const cached = await cachedIfSpent(workspaceId, projectId, summaryId);
  if (cached) return store(cached, Channel.project(projectId));
  const system: Actor = { type: "system", workspaceId };
  const project = await Project.get(system, projectId);
  // Participants read digests, so contact details are masked whatever the writer may see.
  const context = await build(system, projectId, { maskContacts: true });
  const content = await compose(workspaceId, DAILY_PROMPTS, context);
  const digest = { workspaceId, scope: projectId, summaryId, kind: "daily" as const, content };
  return store({ ...digest, title: `Daily digest — ${project.name}` }, Channel.project(projectId));
}

/** Writes the weekly rollup of a workspace for its admins (emailed to those who opted in). */
export async function writeWorkspaceRollup(workspaceId: string, summaryId = createId()): Promise<Info> {
  const done = await written(workspaceId, WORKSPACE_SCOPE, summaryId);
  if (done) return store(done);
  const cached = await cachedIfSpent(workspaceId, WORKSPACE_SCOPE, summaryId);
  if (cached) return store(cached);
  const context = await build({ type: "system", workspaceId }, null);
  const content = await compose(workspaceId, WEEKLY_PROMPTS, context);
  const title = `Weekly rollup — week of ${nowIso().slice(0, 10)}`;
  return store({ workspaceId, scope: WORKSPACE_SCOPE, summaryId, kind: "weekly", title, content });
}

// One prompt per section; the offline provider answers each of these from the context alone.
const DAILY_PROMPTS = ["What changed today?", "Give an overview of where things stand."];
const WEEKLY_PROMPTS = ["Blocked tasks", "Overdue by assignee", "Give an overview of where things stand."];

/** A redelivered job finds its digest already written and only finishes it: no second provider call. */
async function written(workspaceId: string, scope: string, summaryId: string): Promise<Draft | undefined> {
  const { data } = await SummaryEntity().get({ workspaceId, scope, summaryId }).go();
  return data ? { ...data, workspaceId } : undefined;
}

type Draft = Pick<Item, "scope" | "summaryId" | "kind" | "title" | "content" | "cachedFrom"> & {
  workspaceId: string;
};

/**
 * With the workspace's budget spent, a digest repeats the last one, marked cached, instead of
 * being written anew. Without an earlier one it is written as usual.
 */
async function cachedIfSpent(
  workspaceId: string,
  scope: string,
  summaryId: string,
): Promise<Draft | undefined> {
  if (!(await Budget.isWorkspaceSpent(workspaceId))) return undefined;
  const { data } = await SummaryEntity()
    .query.primary({ workspaceId, scope })
    .go({ order: "desc", limit: 1 });
  const last = data[0];
  if (!last) return undefined;
  const { kind, title, content } = last;
  return {
    workspaceId,
    scope,
    summaryId,
    kind,
    title,
    content,
    cachedFrom: last.cachedFrom ?? last.createdAt,
  };
}

/** Stores, announces and emails a summary; a second call with the same id only finishes the emails. */
async function store(draft: Draft, channel?: string): Promise<Info> {
  const item = { ...draft, citations: citationsIn(draft.content), createdAt: nowIso() };
  const created = await SummaryEntity()
    .create(item)
    .go()
    .then(
      () => true,
      () => false,
    );
  const { workspaceId, scope, summaryId } = draft;
  const stored = created ? item : (await SummaryEntity().get({ workspaceId, scope, summaryId }).go()).data;
  if (!stored) throw new Error(`summary ${summaryId} could not be stored`);
  const info = toInfo(stored);
  if (created && channel) await publish(channel, Events.Ready, info);
  await emailDigest(stored, info.projectId);
  return info;
}
