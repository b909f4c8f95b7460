import * as z from "zod";
import { Activity } from "../activity";
import { type Actor, Roles } from "../actor";
import { Audit } from "../audit";
import { type Page, PageInput, paged } from "../db";
import { conflict } from "../error";
import { event } from "../event";
import { effectiveRole } from "../permissions";
import {
  type ProjectAccess,
  projectAccess,
  requireAdmin,
  requireProject,
  requireUser,
  requireWrite,
} from "../policy";
import { Channel, publish } from "../realtime";
import { createId, nowIso } from "../util";
import { AssignmentEntity, ProjectEntity } from "./entity";

export { announce } from "./announce";
export { AssignInput, Assignment, assign, assignments, unassign } from "./assignment";
export { type Member, membersOf, readersAmong, readersOf } from "./members";
export { mentionsIn } from "./mentions";

export const Info = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(["active", "archived"]),
    /** Whether new tasks, messages and files are client-visible unless their author chooses. */
    clientVisibleByDefault: z.boolean(),
    /** The original budget in minor units of the configured currency; null: none agreed. */
    budget: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Project" });
export type Info = z.infer<typeof Info>;

/** A project as one person reads it: with the role they act in on it (what the SPA may offer). */
export const View = Info.extend({ myRole: z.enum(Roles) }).meta({ id: "ProjectView" });
export type View = z.infer<typeof View>;

type Item = {
  workspaceId: string;
  projectId: string;
  name: string;
  description?: string;
  status: Info["status"];
  clientVisibleByDefault?: boolean;
  budget?: number;
  createdAt: string;
  updatedAt: string;
};

export const toInfo = (item: Item): Info => ({
  id: item.projectId,
  workspaceId: item.workspaceId,
  name: item.name,
  description: item.description ?? "",
  status: item.status,
  clientVisibleByDefault: item.clientVisibleByDefault ?? true,
  budget: item.budget ?? null,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const Events = { Updated: event("project.updated", Info) };

/** Minor units: up to a billion in major units. */
const Budget = z.number().int().min(0).max(100_000_000_000);

export const CreateInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(2000).optional(),
    clientVisibleByDefault: z.boolean().optional(),
    budget: Budget.optional(),
  })
  .meta({ id: "CreateProjectInput" });

export async function create(actor: Actor, input: z.input<typeof CreateInput>): Promise<View> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const data = CreateInput.parse(input);
  const now = nowIso();
  const item = {
    workspaceId: admin.workspaceId,
    projectId: createId(),
    name: data.name,
    description: data.description ?? "",
    status: "active" as const,
    clientVisibleByDefault: data.clientVisibleByDefault ?? true,
    ...(data.budget === undefined ? {} : { budget: data.budget }),
    createdAt: now,
    updatedAt: now,
  };
  await ProjectEntity().create(item).go();
  await Audit.record(actor, {
    action: "project.created",
    targetType: "project",
    targetId: item.projectId,
    summary: `Created ${item.name}`,
  });
  return { ...toInfo(item), myRole: "admin" };
}

export async function get(actor: Actor, projectId: string): Promise<View> {
  const { project, role } = await projectAccess(actor, projectId);
  return { ...toInfo(project), myRole: role };
}

/** Access to a project the actor may change: archived projects are read-only. */
export async function requireWritable(actor: Actor, projectId: string): Promise<ProjectAccess> {
  requireWrite(actor);
  const access = await projectAccess(actor, projectId);
  if (access.project.status === "archived")
    throw conflict("project.archived", "This project is archived; unarchive it to make changes.");
  return access;
}

export const UpdateInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(2000).optional(),
    status: z.enum(["active", "archived"]).optional(),
    clientVisibleByDefault: z.boolean().optional(),
    /** null clears it. */
    budget: Budget.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Give at least one field to change.")
  .meta({ id: "UpdateProjectInput" });

/** Edits, archives or unarchives a project (admins). */
export async function update(
  actor: Actor,
  projectId: string,
  input: z.input<typeof UpdateInput>,
): Promise<View> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const patch = UpdateInput.parse(input);
  const before = toInfo(await requireProject(actor, projectId));
  const { budget, ...rest } = patch;
  const op = ProjectEntity()
    .patch({ workspaceId: admin.workspaceId, projectId })
    .set({ ...rest, ...(budget === null || budget === undefined ? {} : { budget }), updatedAt: nowIso() });
  const { data } = await (budget === null ? op.remove(["budget"]) : op).go({ response: "all_new" });
  const project = toInfo(data as Item);
  const [action, verb] =
    project.status === before.status
      ? ["project.updated", "Edited"]
      : project.status === "archived"
        ? ["project.archived", "Archived"]
        : ["project.unarchived", "Unarchived"];
  const summary = `${verb} ${project.name}`;
  await Activity.record(actor, projectId, { action, subjectType: "project", subjectId: projectId, summary });
  await Audit.record(actor, { action, targetType: "project", targetId: projectId, summary, details: patch });
  await publish(Channel.project(projectId), Events.Updated, project);
  return { ...project, myRole: "admin" };
}

export const ListInput = PageInput;

/** Admins list the workspace's projects; participants the projects they are assigned to. */
export async function list(actor: Actor, input: z.input<typeof ListInput> = {}): Promise<Page<View>> {
  const user = requireUser(actor);
  const { cursor, limit } = ListInput.parse(input);
  if (user.role === "admin") {
    const page = await paged(cursor, (c) =>
      ProjectEntity().query.primary({ workspaceId: user.workspaceId }).go({ cursor: c, limit }),
    );
    return { ...page, items: page.items.map((p) => ({ ...toInfo(p), myRole: "admin" as const })) };
  }
  const assigned = await paged(cursor, (c) =>
    AssignmentEntity()
      .query.byUser({ workspaceId: user.workspaceId, userId: user.userId })
      .go({ cursor: c, limit }),
  );
  if (assigned.items.length === 0) return { items: [] };
  // One BatchGetItem for the page, not one read per project.
  const { data } = await ProjectEntity()
    .get(assigned.items.map((a) => ({ workspaceId: a.workspaceId, projectId: a.projectId })))
    .go();
  const roles = new Map(assigned.items.map((a) => [a.projectId, effectiveRole(user.role, a.role)]));
  return {
    ...assigned,
    items: data.map((p) => ({ ...toInfo(p), myRole: roles.get(p.projectId) ?? user.role })),
  };
}

/** Ids of a workspace's active projects, for the scheduled digests (the system's view). */
export async function activeIds(workspaceId: string): Promise<string[]> {
  const { data } = await ProjectEntity()
    .query.primary({ workspaceId })
    .go({ pages: "all", attributes: ["projectId", "status"] });
  return data.filter((p) => p.status === "active").map((p) => p.projectId);
}
