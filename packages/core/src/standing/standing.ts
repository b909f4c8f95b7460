// Where each project a person sees stands, for the projects page: tasks done of all, overdue,
// blocked and assigned-to-them counts, the next task due, the last activity and a link to the
// latest photo. Built on the server in one request because the page used to ask three or four
// per project card at once: on Lambda every request in flight together needs a sandbox of its
// own, so a quiet stage met a person's sign-in with a cold start per card.
//
// Every figure comes from the use cases the project's tabs read, under the reader's own access:
// a client's counts hold only what the permission table lets a client see.
import * as z from "zod";
import { Activity } from "../activity";
import type { Actor } from "../actor";
import { File } from "../file";
import { isImage } from "../file/types";
import { requireUser } from "../policy";
import { Project } from "../project";
import { Task } from "../task";
import { isOverdue } from "../task/due";

export const Input = z
  .object({
    /** The reader's own day (YYYY-MM-DD): what is overdue depends on where they are. UTC's unless given. */
    today: z.iso.date().optional(),
  })
  .meta({ id: "ProjectStandingQuery" });

export const Info = z
  .object({
    projectId: z.string(),
    tasks: z.object({
      total: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      blocked: z.number().int(),
      /** Open tasks assigned to the reader. */
      mine: z.number().int(),
    }),
    /** The open task due soonest, today or later. */
    nextDue: z.object({ taskId: z.string(), title: z.string(), dueDate: z.string() }).optional(),
    lastActivity: z.object({ summary: z.string(), createdAt: z.string() }).optional(),
    /** A short-lived link to the newest image among the project's latest files. */
    photo: z.object({ fileId: z.string(), url: z.string(), expiresAt: z.string() }).optional(),
  })
  .meta({ id: "ProjectStanding" });
export type Info = z.infer<typeof Info>;

/** The newest files a photo is looked for among, as the card always did. */
const PHOTO_SEARCH = 50;
/** How far back the last activity a client may see is looked for: 5 pages of 20 entries. */
const ACTIVITY_PAGES = 5;
const ACTIVITY_PAGE = 20;

/** The standing of the projects of the projects page (its first 100), in the page's order. */
export async function ofProjects(actor: Actor, input: z.input<typeof Input>): Promise<{ items: Info[] }> {
  const today = Input.parse(input).today ?? new Date().toISOString().slice(0, 10);
  const { userId } = requireUser(actor);
  const projects = await Project.list(actor, { limit: 100 });
  return {
    items: await Promise.all(projects.items.map((p) => standingOf(actor, userId, p.id, today))),
  };
}

async function standingOf(actor: Actor, userId: string, projectId: string, today: string): Promise<Info> {
  const [tasks, activity, files] = await Promise.all([
    Task.listAll(actor, projectId),
    newestActivity(actor, projectId),
    File.list(actor, projectId, { limit: PHOTO_SEARCH }),
  ]);
  const open = tasks.filter((t) => t.status !== "done");
  const next = open
    .filter((t): t is Task.Info & { dueDate: string } => t.dueDate !== null && t.dueDate >= today)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  const image = files.items.find(isImage);
  return {
    projectId,
    tasks: {
      total: tasks.length,
      done: tasks.length - open.length,
      overdue: open.filter((t) => isOverdue(t, today)).length,
      blocked: open.filter((t) => t.status === "blocked").length,
      mine: open.filter((t) => t.assigneeId === userId).length,
    },
    ...(next && { nextDue: { taskId: next.id, title: next.title, dueDate: next.dueDate } }),
    ...(activity && { lastActivity: { summary: activity.summary, createdAt: activity.createdAt } }),
    ...(image && { photo: { fileId: image.id, ...(await File.download(actor, projectId, image.id)) } }),
  };
}

/**
 * The newest entry the reader may see. A client's Query drops staff-only entries after its limit,
 * so one page can come back empty while older entries remain: one entry's page, as the card
 * asked for, showed a client no activity whenever the newest was internal.
 */
async function newestActivity(actor: Actor, projectId: string): Promise<Activity.Info | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < ACTIVITY_PAGES; page++) {
    const { items, nextCursor } = await Activity.list(actor, projectId, { cursor, limit: ACTIVITY_PAGE });
    if (items[0] || !nextCursor) return items[0];
    cursor = nextCursor;
  }
  return undefined;
}
