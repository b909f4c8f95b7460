import { z } from "zod";
import type { Actor } from "../actor";
import { Roles } from "../actor";
import { type Page, toPage } from "../db";
import { requireAdmin, requireProject, requireUser, requireWrite, workspaceOf } from "../policy";
import { createId, nowIso } from "../util";
import { AssignmentEntity, ProjectEntity } from "./entity";

export const Info = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(["active", "archived"]),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Project" });
export type Info = z.infer<typeof Info>;

type Item = {
  workspaceId: string;
  projectId: string;
  name: string;
  description?: string;
  status: Info["status"];
  createdAt: string;
  updatedAt: string;
};

export const toInfo = (item: Item): Info => ({
  id: item.projectId,
  workspaceId: item.workspaceId,
  name: item.name,
  description: item.description ?? "",
  status: item.status,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const CreateInput = z
  .object({ name: z.string().trim().min(1).max(120), description: z.string().trim().max(2000).optional() })
  .meta({ id: "CreateProjectInput" });

export async function create(actor: Actor, input: z.input<typeof CreateInput>): Promise<Info> {
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
    createdAt: now,
    updatedAt: now,
  };
  await ProjectEntity().create(item).go();
  return toInfo(item);
}

export async function get(actor: Actor, projectId: string): Promise<Info> {
  return toInfo(await requireProject(actor, projectId));
}

export const ListInput = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Admins list the workspace's projects; participants the projects they are assigned to. */
export async function list(actor: Actor, input: z.input<typeof ListInput> = {}): Promise<Page<Info>> {
  const user = requireUser(actor);
  const { cursor, limit } = ListInput.parse(input);
  if (user.role === "admin") {
    const result = await ProjectEntity()
      .query.primary({ workspaceId: user.workspaceId })
      .go({ cursor, limit });
    return toPage({ data: result.data.map(toInfo), cursor: result.cursor });
  }
  const assignments = await AssignmentEntity()
    .query.byUser({ workspaceId: user.workspaceId, userId: user.userId })
    .go({ cursor, limit });
  if (assignments.data.length === 0) return { items: [] };
  // One BatchGetItem for the page, not one read per project.
  const { data } = await ProjectEntity()
    .get(assignments.data.map((a) => ({ workspaceId: a.workspaceId, projectId: a.projectId })))
    .go();
  return toPage({ data: data.map(toInfo), cursor: assignments.cursor });
}

export const AssignInput = z
  .object({ userId: z.string().min(1), role: z.enum(Roles) })
  .meta({ id: "AssignInput" });

export async function assign(actor: Actor, projectId: string, input: z.input<typeof AssignInput>) {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const { userId, role } = AssignInput.parse(input);
  await requireProject(actor, projectId);
  const item = { workspaceId: admin.workspaceId, projectId, userId, role, createdAt: nowIso() };
  await AssignmentEntity().put(item).go();
  return item;
}

export async function unassign(actor: Actor, projectId: string, userId: string): Promise<void> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  await AssignmentEntity().delete({ workspaceId: admin.workspaceId, projectId, userId }).go();
}

/** Members of a project (for mentions, assignee pickers and event fan-out). */
export async function members(actor: Actor, projectId: string) {
  await requireProject(actor, projectId);
  const { data } = await AssignmentEntity()
    .query.primary({ workspaceId: workspaceOf(actor), projectId })
    .go({ pages: "all" });
  return data.map((a) => ({ userId: a.userId, role: a.role }));
}

/** Ids of a workspace's active projects, for the scheduled digests (the system's view). */
export async function activeIds(workspaceId: string): Promise<string[]> {
  const { data } = await ProjectEntity()
    .query.primary({ workspaceId })
    .go({ pages: "all", attributes: ["projectId", "status"] });
  return data.filter((p) => p.status === "active").map((p) => p.projectId);
}
