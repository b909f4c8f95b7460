// Agent threads: a participant thread belongs to one project, an admin thread is workspace-wide.
// Either is private to its author, who alone lists it, asks in it, hears it live, renames and
// archives it; a workspace admin may read any thread of their workspace by id (audit), never list
// or join it. An archived thread leaves its author's list (it is listed apart) and takes no
// questions until restored, but still opens by id.
import * as z from "zod";
import { type Actor, isAdmin, type UserActor } from "../actor";
import { conflict, notFound } from "../error";
import { requireAdmin, requireProject, requireUser, requireWrite, workspaceOf } from "../policy";
import { createId, nowIso } from "../util";
import { ThreadEntity } from "./entity";

export const WORKSPACE_SCOPE = "workspace";
/** The title of a thread until its first question names it. */
export const UNTITLED = "New conversation";

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

export const UpdateThreadInput = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    /** `archived` hides it from the list; `open` restores it. */
    status: z.enum(["open", "archived"]).optional(),
  })
  .strict()
  .refine((input) => input.title !== undefined || input.status !== undefined, "Give a title or a status.")
  .meta({ id: "UpdateAgentThreadInput" });

export const ListThreadsInput = z.object({
  /** `true` lists the archived threads instead of the open ones. */
  archived: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

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
    title: title ?? UNTITLED,
    status: "open" as const,
    createdAt: nowIso(),
  };
  await ThreadEntity().create(item).go();
  return toThread(item);
}

type ListInput = Partial<z.output<typeof ListThreadsInput>>;

/** The caller's own open (or archived) threads of a project, newest first. */
export async function listForProject(actor: Actor, projectId: string, input: ListInput = {}) {
  await requireProject(actor, projectId);
  return listScope(requireUser(actor), projectId, input);
}

/** The caller's own open (or archived) workspace-wide admin threads, newest first. */
export async function listForWorkspace(actor: Actor, input: ListInput = {}) {
  return listScope(requireAdmin(actor), WORKSPACE_SCOPE, input);
}

async function listScope(user: UserActor, scope: string, input: ListInput) {
  const wanted = input.archived ? "archived" : "open";
  const { data } = await ThreadEntity()
    .query.byScope({ workspaceId: user.workspaceId, scope })
    .where(({ createdBy, status }, { eq }) => `${eq(createdBy, user.userId)} AND ${eq(status, wanted)}`)
    .go({ order: "desc", limit: 100 });
  return { items: data.map(toThread) };
}

/** Renames, archives or restores a thread: its author only (anyone else gets 404). */
export async function update(
  actor: Actor,
  threadId: string,
  input: z.input<typeof UpdateThreadInput>,
): Promise<Thread> {
  requireWrite(actor);
  const changes = UpdateThreadInput.parse(input);
  const thread = await own(actor, threadId);
  await ThreadEntity()
    .patch({ workspaceId: workspaceOf(actor), threadId })
    .set(changes)
    .go();
  return { ...thread, ...changes };
}

/** Refuses a question in an archived thread: it is restored first. */
export function requireOpen(thread: Thread): void {
  if (thread.status === "archived")
    throw conflict("agent.thread_archived", "This conversation is archived. Restore it to ask again.");
}

/**
 * The thread for reading: its author while they still see its project, or an admin of the
 * workspace (audit). 404 for anyone else, also across workspaces.
 */
export async function get(actor: Actor, threadId: string): Promise<Thread> {
  const thread = await find(actor, threadId);
  if (isAdmin(actor) || (await isAuthor(actor, thread))) return thread;
  throw notFound("thread");
}

/** The thread for its author only: asking in it, hearing it live, resuming an answer. */
export async function own(actor: Actor, threadId: string): Promise<Thread> {
  const thread = await find(actor, threadId);
  if (await isAuthor(actor, thread)) return thread;
  throw notFound("thread");
}

async function find(actor: Actor, threadId: string): Promise<Thread> {
  const { data } = await ThreadEntity()
    .get({ workspaceId: workspaceOf(actor), threadId })
    .go();
  if (!data) throw notFound("thread");
  return toThread(data);
}

/** The author, still allowed where the thread lives (their project, or the admin area). */
async function isAuthor(actor: Actor, thread: Thread): Promise<boolean> {
  if (actor.type !== "user" || actor.userId !== thread.createdBy) return false;
  if (thread.projectId === null) return actor.role === "admin";
  return requireProject(actor, thread.projectId).then(
    () => true,
    () => false,
  );
}

const TITLE_CHARS = 60;

/** A thread's title from its first question: the question's first line, cut at a word. */
export function titleFrom(question: string): string {
  const line = question.split("\n")[0]?.trim() ?? "";
  if (line.length <= TITLE_CHARS) return line;
  const cut = line.slice(0, TITLE_CHARS - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 20 ? cut.lastIndexOf(" ") : cut.length).trimEnd()}…`;
}

/** Names an untitled thread after its first question. */
export async function nameAfter(thread: Thread, workspaceId: string, question: string): Promise<void> {
  if (thread.title !== UNTITLED) return;
  await ThreadEntity()
    .patch({ workspaceId, threadId: thread.id })
    .set({ title: titleFrom(question) })
    .go();
}
