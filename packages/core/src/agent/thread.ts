// Agent threads: a participant thread belongs to one project and follows the project's
// visibility; an admin thread is workspace-wide and only the workspace's admins see it.
import { z } from "zod";
import type { Actor } from "../actor";
import { notFound } from "../error";
import { requireAdmin, requireProject, requireUser, requireWrite, workspaceOf } from "../policy";
import { createId, nowIso } from "../util";
import { ThreadEntity } from "./entity";

export const WORKSPACE_SCOPE = "workspace";

export const Thread = z
  .object({
    id: z.string(),
    projectId: z.string().nullable(),
    audience: z.enum(["participant", "admin"]),
    title: z.string(),
    createdBy: z.string(),
    status: z.enum(["open", "archived"]),
    createdAt: z.string(),
  })
  .meta({ id: "AgentThread" });
export type Thread = z.infer<typeof Thread>;

export const CreateThreadInput = z
  .object({ title: z.string().trim().min(1).max(120).optional() })
  .strict()
  .meta({ id: "CreateAgentThreadInput" });

type Item = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof ThreadEntity>["get"]>["go"]>>["data"]
>;

const toThread = (item: Item): Thread => ({
  id: item.threadId,
  projectId: item.scope === WORKSPACE_SCOPE ? null : item.scope,
  audience: item.audience,
  title: item.title,
  createdBy: item.createdBy,
  status: item.status,
  createdAt: item.createdAt,
});

/** A project thread for participants (admins may open one too). */
export async function createForProject(
  actor: Actor,
  projectId: string,
  input: z.input<typeof CreateThreadInput>,
) {
  const user = requireUser(actor);
  requireWrite(actor);
  const { title } = CreateThreadInput.parse(input);
  await requireProject(actor, projectId);
  return insert(user.workspaceId, projectId, "participant", user.userId, title);
}

/** A workspace-wide thread of the admin agent. */
export async function createForWorkspace(actor: Actor, input: z.input<typeof CreateThreadInput>) {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const { title } = CreateThreadInput.parse(input);
  return insert(admin.workspaceId, WORKSPACE_SCOPE, "admin", admin.userId, title);
}

async function insert(
  workspaceId: string,
  scope: string,
  audience: Thread["audience"],
  createdBy: string,
  title?: string,
) {
  const item = {
    workspaceId,
    threadId: createId(),
    scope,
    audience,
    createdBy,
    title: title ?? "New conversation",
    status: "open" as const,
    createdAt: nowIso(),
  };
  await ThreadEntity().create(item).go();
  return toThread(item);
}

export async function listForProject(actor: Actor, projectId: string) {
  await requireProject(actor, projectId);
  return listScope(workspaceOf(actor), projectId);
}

export async function listForWorkspace(actor: Actor) {
  return listScope(requireAdmin(actor).workspaceId, WORKSPACE_SCOPE);
}

async function listScope(workspaceId: string, scope: string) {
  const { data } = await ThreadEntity()
    .query.byScope({ workspaceId, scope })
    .go({ order: "desc", limit: 100 });
  return { items: data.map(toThread) };
}

/** The thread if the actor may see it; 404 otherwise (also across workspaces). */
export async function get(actor: Actor, threadId: string): Promise<Thread> {
  const { data } = await ThreadEntity()
    .get({ workspaceId: workspaceOf(actor), threadId })
    .go();
  if (!data) throw notFound("thread");
  const thread = toThread(data);
  if (thread.projectId === null) {
    if (actor.type === "user" && actor.role !== "admin") throw notFound("thread");
  } else {
    await requireProject(actor, thread.projectId).catch(() => {
      throw notFound("thread");
    });
  }
  return thread;
}
