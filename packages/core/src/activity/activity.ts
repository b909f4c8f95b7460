import type { EntityItem } from "electrodb";
import * as z from "zod";
import type { Actor } from "../actor";
import type { Page, PageInput } from "../db";
import { workspaceOf } from "../policy";
import { newestFirst } from "../project/feed";
import { User } from "../user";
import { createId, nowIso } from "../util";
import { ActivityEntity } from "./entity";

export const SubjectType = z.enum([
  "project",
  "task",
  "message",
  "file",
  "assignment",
  "change_order",
  "site_log",
]);

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    actorId: z.string(),
    /** The actor's current name; null for the system or someone no longer in the workspace. */
    actorName: z.string().nullable(),
    action: z.string(),
    subjectType: SubjectType,
    subjectId: z.string(),
    summary: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Activity" });
export type Info = z.infer<typeof Info>;

export interface Entry {
  /** The event name of the change: `task.moved`, `message.sent`, `file.uploaded`… */
  action: string;
  subjectType: z.infer<typeof SubjectType>;
  subjectId: string;
  /** One line a person reads in the activity feed. */
  summary: string;
  /** Whether clients may read the line: false while its subject is internal. */
  clientVisible?: boolean;
}

export async function record(actor: Actor, projectId: string, entry: Entry): Promise<void> {
  await ActivityEntity()
    .create({
      ...entry,
      workspaceId: workspaceOf(actor),
      projectId,
      activityId: createId(),
      actorId: actor.type === "user" ? actor.userId : "system",
      createdAt: nowIso(),
    })
    .go();
}

/** A project's activity, newest first; one Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof PageInput> = {},
): Promise<Page<Info>> {
  return newestFirst(
    actor,
    projectId,
    input,
    (key) => ActivityEntity().query.primary(key),
    (items) => items.map(toInfo),
  );
}

/**
 * The feed people read: each entry with its actor's current name, from one Query of the
 * workspace's people (admins act on projects they are not assigned to, so the project's
 * members alone cannot name them).
 */
export async function listNamed(
  actor: Actor,
  projectId: string,
  input: z.input<typeof PageInput> = {},
): Promise<Page<Info>> {
  const page = await list(actor, projectId, input);
  const names = new Map((await User.directory(workspaceOf(actor))).map((u) => [u.id, u.name]));
  return { ...page, items: page.items.map((a) => ({ ...a, actorName: names.get(a.actorId) ?? null })) };
}

const toInfo = (item: EntityItem<ReturnType<typeof ActivityEntity>>): Info => ({
  id: item.activityId,
  projectId: item.projectId,
  actorId: item.actorId,
  actorName: null,
  action: item.action,
  subjectType: item.subjectType,
  subjectId: item.subjectId,
  summary: item.summary,
  createdAt: item.createdAt,
});

/**
 * Marks every line about one subject visible to clients or not, when the subject changes sides:
 * a client's feed never tells of an internal item, even of what happened while it was visible.
 */
export async function setVisibility(
  workspaceId: string,
  projectId: string,
  subjectId: string,
  clientVisible: boolean,
): Promise<void> {
  const { data } = await ActivityEntity()
    .query.primary({ workspaceId, projectId })
    .where((a, op) => op.eq(a.subjectId, subjectId))
    .go({ pages: "all", attributes: ["activityId"] });
  await Promise.all(
    data.map(({ activityId }) =>
      ActivityEntity().patch({ workspaceId, projectId, activityId }).set({ clientVisible }).go(),
    ),
  );
}
