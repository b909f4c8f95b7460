import * as z from "zod";
import type { Actor } from "../actor";
import { Audit } from "../audit";
import { split } from "../auth/token";
import { notFound } from "../error";
import { pageUrl } from "../mail/templates";
import { requirePermission } from "../policy";
import { Project } from "../project";
import { Task } from "../task";
import { createId, nowIso, randomSecret, safeEqual, sha256 } from "../util";
import { CalendarFeedEntity } from "./entity";
import { type AllDayEvent, write } from "./ics";

export { dayAfter, escapeText, fold, write } from "./ics";

export const ShareInput = z
  .object({
    /** Include internal tasks too (default: client-visible only, since a link is easy to forward). */
    includeInternal: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "ShareCalendarInput" });

/**
 * Who may share a project's calendar: those the permission table lets decide what clients see
 * (`task: visibility` — admins and team). A feed link leaves the app and is read without a
 * session, so it is a decision about showing the schedule outside, like marking a task visible.
 */
const SHARE = ["task", "visibility"] as const;

/**
 * A new feed for the project and its secret token (`<id>.<secret>`), shown once. It replaces the
 * project's earlier feeds: one live link per project, so "Revoke" has one meaning.
 */
export async function share(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ShareInput> = {},
): Promise<{ token: string }> {
  const { includeInternal = false } = ShareInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, ...SHARE);
  await revokeAll(access.project.workspaceId, projectId);
  const secret = randomSecret();
  const feed = {
    feedId: createId(),
    workspaceId: access.project.workspaceId,
    projectId,
    secretHash: sha256(secret),
    includeInternal,
    createdBy: access.userId,
    createdAt: nowIso(),
  };
  await CalendarFeedEntity().create(feed).go();
  await Audit.record(actor, {
    action: "calendar.shared",
    targetType: "project",
    targetId: projectId,
    summary: `Shared the calendar of "${access.project.name}"${includeInternal ? " with internal tasks" : ""}`,
    details: { feedId: feed.feedId, includeInternal },
  });
  return { token: `${feed.feedId}.${secret}` };
}

/** Revokes the project's feed(s): their links answer 404 from now on. */
export async function revoke(actor: Actor, projectId: string): Promise<void> {
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, ...SHARE);
  const revoked = await revokeAll(access.project.workspaceId, projectId);
  if (revoked > 0)
    await Audit.record(actor, {
      action: "calendar.revoked",
      targetType: "project",
      targetId: projectId,
      summary: `Revoked the calendar link of "${access.project.name}"`,
    });
}

/**
 * The .ics document behind a token, read as the feed's audience (a client unless the feed
 * includes internal tasks); an unknown, malformed or revoked token is 404 alike.
 */
export async function feed(token: string): Promise<string> {
  const parts = split(token);
  const { data } = parts ? await CalendarFeedEntity().get({ feedId: parts.id }).go() : { data: null };
  if (!parts || !data || data.revokedAt || !safeEqual(data.secretHash, sha256(parts.secret)))
    throw notFound("calendar");
  const reader: Actor = {
    type: "system",
    workspaceId: data.workspaceId,
    audience: data.includeInternal ? "team" : "client",
  };
  const project = await Project.get(reader, data.projectId);
  const tasks = await Task.listAll(reader, data.projectId);
  return write({ name: project.name, events: tasks.flatMap((task) => eventOf(task)) });
}

/** One all-day event per dated task: from its start to its due date, or the one date it has. */
function eventOf(task: Task.Info): AllDayEvent[] {
  const start = task.startDate ?? task.dueDate;
  const end = task.dueDate ?? task.startDate;
  if (!start || !end) return [];
  const url = pageUrl(`/projects/${task.projectId}/board?task=${task.id}`);
  return [
    {
      uid: `task-${task.id}@rehome`,
      start,
      end,
      summary: task.title,
      description: [task.description, url].filter(Boolean).join("\n\n"),
      url,
      stamp: task.updatedAt,
    },
  ];
}

async function revokeAll(workspaceId: string, projectId: string): Promise<number> {
  const { data } = await CalendarFeedEntity()
    .query.byProject({ workspaceId, projectId })
    .where((a, op) => op.notExists(a.revokedAt))
    .go({ pages: "all" });
  const revokedAt = nowIso();
  await Promise.all(
    data.map((f) => CalendarFeedEntity().patch({ feedId: f.feedId }).set({ revokedAt }).go()),
  );
  return data.length;
}
