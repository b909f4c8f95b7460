// The scoped context of one question (DESIGN §7): it reads only what the asker's own policy lets
// them read — one project for the participant agent, the admin's workspace for the admin agent —
// then select() masks, ranks and budgets it. It never reads another workspace and never Scans.
//
// What it reads follows the reader's role on the project (permission table): a client's context
// holds only client-visible items. Contact details: admins and team members (and the system's
// rollups) see emails and phone numbers; consultants and clients get them masked, by the role
// they act in on the project (permissions.maySeeContacts).
import { Activity } from "../activity";
import type { Actor } from "../actor";
import { config } from "../config";
import { File } from "../file";
import { Message } from "../message";
import { maySeeContacts } from "../permissions";
import { requireAdmin, workspaceOf } from "../policy";
import { Project } from "../project";
import { ProjectEntity } from "../project/entity";
import { SiteLog } from "../site-log";
import { Task } from "../task";
import { UserEntity } from "../user/entity";
import type { Budget } from "./context/budget";
import { type Readable, select } from "./context/select";
import type { AgentContext } from "./context/types";

export { type Budget, estimateTokens } from "./context/budget";
export { EMAIL_HIDDEN, maskContacts, PHONE_HIDDEN } from "./context/mask";
export { renderContext } from "./context/render";
export type {
  AgentContext,
  ContextFile,
  ContextMessage,
  ContextProject,
  ContextSiteLog,
  ContextTask,
} from "./context/types";

/** The budget of config: AI_CONTEXT_TOKENS split by AI_CONTEXT_SPLIT, less AI_TOKEN_SAFETY's share. */
export function configuredBudget(): Budget {
  const { totalTokens, split, safety } = config().ai.context;
  return { totalTokens, split, reserve: safety };
}

/**
 * Builds the context for `reader` over one project (participant agent, digests) or the whole
 * workspace (admin agent, rollups; projectId null). The reader is the person who asked, or the
 * system for digests. Queries: one project's 5 lists (tasks, messages, site log, files, activity), or one
 * Query of the workspace's projects plus 5 per project for at most AI_CONTEXT_MAX_PROJECTS
 * projects; plus one Query of the workspace's people. Each list goes through its use case, so
 * the policy is asked again for every project read.
 */
export async function build(
  reader: Actor,
  projectId: string | null,
  options: { budget?: Budget; maskContacts?: boolean } = {},
): Promise<AgentContext> {
  const workspaceId = workspaceOf(reader);
  const projects = projectId ? [await Project.get(reader, projectId)] : await workspaceProjects(reader);
  // The admin agent and the rollups read the whole workspace as admins; a project's reader in their role on it.
  const role = projectId ? (projects[0] as Project.View).myRole : "admin";
  const [people, lists] = await Promise.all([
    UserEntity()
      .query.primary({ workspaceId })
      .go({ pages: "all", attributes: ["userId", "name"] }),
    Promise.all(projects.map((p) => readProject(reader, p.id))),
  ]);
  const names = new Map(people.data.map((u) => [u.userId, u.name]));
  const readerId = reader.type === "user" ? reader.userId : "system";
  const readable: Readable = {
    scope: projectId ? { kind: "project", projectId } : { kind: "workspace" },
    projects,
    tasks: lists.flatMap((l) => l.tasks),
    messages: lists.flatMap((l) => l.messages),
    siteLogs: lists.flatMap((l) => l.siteLogs),
    files: lists.flatMap((l) => l.files),
    activity: lists.flatMap((l) => l.activity),
    people: names,
  };
  return select(
    readable,
    {
      id: readerId,
      name: names.get(readerId) ?? "the team",
      maySeeContacts: !options.maskContacts && maySeeContacts(role),
    },
    options.budget ?? configuredBudget(),
  );
}

/** The admin agent's projects: admins (and the system) only; active, most recently updated first. */
async function workspaceProjects(reader: Actor): Promise<Project.View[]> {
  if (reader.type === "user") requireAdmin(reader);
  const { data } = await ProjectEntity()
    .query.primary({ workspaceId: workspaceOf(reader) })
    .go({ pages: "all" });
  return data
    .map((p) => ({ ...Project.toInfo(p), myRole: "admin" as const }))
    .filter((p) => p.status === "active")
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, config().ai.context.maxProjects);
}

/** One page (one Query) of each list of a project, newest first where the list has an order. */
async function readProject(reader: Actor, projectId: string) {
  const [tasks, messages, siteLogs, files, activity] = await Promise.all([
    Task.list(reader, projectId, { limit: 200 }),
    Message.list(reader, projectId, { limit: 100 }),
    SiteLog.list(reader, projectId, { limit: 30 }),
    File.list(reader, projectId, { limit: 100 }),
    Activity.list(reader, projectId, { limit: 100 }),
  ]);
  return {
    tasks: tasks.items,
    messages: messages.items,
    siteLogs: siteLogs.items,
    files: files.items,
    activity: activity.items,
  };
}
