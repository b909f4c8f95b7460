import { z } from "zod";
import type { Actor } from "../actor";
import { type Page, PageInput, paged } from "../db";
import { requireProject, workspaceOf } from "../policy";
import { createId, nowIso } from "../util";
import { ActivityEntity } from "./entity";

export const SubjectType = z.enum(["project", "task", "message", "file", "assignment"]);

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    actorId: z.string(),
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
  const { cursor, limit } = PageInput.parse(input);
  await requireProject(actor, projectId);
  const page = await paged(cursor, (c) =>
    ActivityEntity()
      .query.primary({ workspaceId: workspaceOf(actor), projectId })
      .go({ cursor: c, limit, order: "desc" }),
  );
  return {
    ...page,
    items: page.items.map((item) => ({
      id: item.activityId,
      projectId: item.projectId,
      actorId: item.actorId,
      action: item.action,
      subjectType: item.subjectType,
      subjectId: item.subjectId,
      summary: item.summary,
      createdAt: item.createdAt,
    })),
  };
}
