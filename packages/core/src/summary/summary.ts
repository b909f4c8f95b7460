import { z } from "zod";
import type { Actor } from "../actor";
import { build } from "../agent/context";
import { citationsIn } from "../agent/finish";
import { answerFor } from "../agent/providers/offline";
import { notFound } from "../error";
import { event } from "../event";
import { requireAdmin, requireProject, workspaceOf } from "../policy";
import { Project } from "../project";
import { Channel, publish } from "../realtime";
import { createId, nowIso } from "../util";
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
};

const toInfo = (item: Item): Info => ({
  id: item.summaryId,
  projectId: item.scope === WORKSPACE_SCOPE ? null : item.scope,
  kind: item.kind,
  title: item.title,
  content: item.content,
  citations: item.citations ?? [],
  createdAt: item.createdAt,
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

/** Writes today's digest of one project and tells its subscribers. Runs as the system. */
export async function writeProjectDigest(workspaceId: string, projectId: string): Promise<Info> {
  const system: Actor = { type: "system", workspaceId };
  const project = await Project.get(system, projectId);
  // Participants read digests, so contact details are masked whatever the writer may see.
  const context = await build(system, projectId, { maskContacts: true });
  const content = `${answerFor("What changed today?", context)}\n${answerFor("overview", context)}`;
  return store(
    workspaceId,
    projectId,
    "daily",
    `Daily digest — ${project.name}`,
    content,
    Channel.project(projectId),
  );
}

/** Writes the weekly rollup of a workspace for its admins. */
export async function writeWorkspaceRollup(workspaceId: string): Promise<Info> {
  const context = await build({ type: "system", workspaceId }, null);
  const content = `${answerFor("Blocked tasks", context)}\n${answerFor("Overdue by assignee", context)}\n${answerFor("overview", context)}`;
  return store(
    workspaceId,
    WORKSPACE_SCOPE,
    "weekly",
    `Weekly rollup — week of ${nowIso().slice(0, 10)}`,
    content,
  );
}

async function store(
  workspaceId: string,
  scope: string,
  kind: Info["kind"],
  title: string,
  content: string,
  channel?: string,
) {
  const item = {
    workspaceId,
    scope,
    summaryId: createId(),
    kind,
    title,
    content,
    citations: citationsIn(content),
    createdAt: nowIso(),
  };
  await SummaryEntity().create(item).go();
  const info = toInfo(item);
  if (channel) await publish(channel, Events.Ready, info);
  return info;
}
