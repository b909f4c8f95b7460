import type { EntityItem } from "electrodb";
import { encodeTime } from "ulid";
import * as z from "zod";
import type { Actor, UserActor } from "../actor";
import { clientVisibleOnly, type Page, PageInput, paged, pageRead } from "../db";
import { notFound } from "../error";
import { event } from "../event";
import { maySee, type Subject, seesInternal } from "../permissions";
import { requireUser, requireWrite, workspaceOf } from "../policy";
import { membersOf } from "../project/members";
import { Channel } from "../realtime/channel";
import { publish } from "../realtime/publisher";
import { createId, nowIso } from "../util";
import { NotificationEntity } from "./entity";

export const Kind = z.enum(["mentioned", "assigned", "invited", "budget_warning", "change_order"]);

export const Info = z
  .object({
    id: z.string(),
    kind: Kind,
    /** Null for notices about the whole workspace (a budget warning). */
    projectId: z.string().nullable(),
    subjectType: z.enum(["message", "task", "project", "workspace", "change_order"]),
    subjectId: z.string(),
    actorId: z.string(),
    text: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });
export type Info = z.infer<typeof Info>;

export const Events = { Created: event("notification.created", Info) };

type Item = EntityItem<ReturnType<typeof NotificationEntity>>;

const toInfo = (item: Item): Info => ({
  id: item.notificationId,
  kind: item.kind,
  projectId: item.projectId ?? null,
  subjectType: item.subjectType,
  subjectId: item.subjectId,
  actorId: item.actorId,
  text: item.text,
  createdAt: item.createdAt,
  readAt: item.readAt ?? null,
});

export type Note = Pick<Info, "kind" | "subjectType" | "subjectId" | "text"> & { projectId?: string };

/** Stores one notification per recipient and pushes it live. Nobody is told of their own act. */
export async function notify(actor: Actor, recipients: string[], note: Note): Promise<void> {
  const actorId = actor.type === "user" ? actor.userId : "system";
  const workspaceId = workspaceOf(actor);
  const items: Item[] = [...new Set(recipients)]
    .filter((userId) => userId !== actorId)
    .map((userId) => ({
      ...note,
      workspaceId,
      userId,
      notificationId: createId(),
      actorId,
      createdAt: nowIso(),
    }));
  if (items.length === 0) return;
  await NotificationEntity().put(items).go();
  await Promise.all(items.map((item) => publish(Channel.user(item.userId), Events.Created, toInfo(item))));
}

export const ListInput = PageInput.extend({
  unread: z.enum(["true", "false"]).optional(),
});

/**
 * The Query of the notifications `user` may read: not those about an item since made internal,
 * which `setVisibility` hid from them, as the activity feed hides its lines.
 */
const readableBy = (user: UserActor) =>
  NotificationEntity()
    .query.primary({ workspaceId: user.workspaceId, userId: user.userId })
    .where(clientVisibleOnly);

/**
 * The caller's notifications, newest first (`unread`: those not yet read). The Query filters, so
 * it reads on until the page is full (`pageRead`): a short page never ends the list early.
 */
export async function list(actor: Actor, input: z.input<typeof ListInput> = {}): Promise<Page<Info>> {
  const user = requireUser(actor);
  const { cursor, limit, unread } = ListInput.parse(input);
  const query = readableBy(user);
  const filtered = unread === "true" ? query.where((a, op) => op.notExists(a.readAt)) : query;
  const page = await paged(cursor, (c) => filtered.go({ ...pageRead(c, limit, true), order: "desc" }));
  return { ...page, items: page.items.map(toInfo) };
}

/** Marks one of the caller's notifications read; anyone else's, or a hidden one, is not found. */
export async function markRead(actor: Actor, notificationId: string): Promise<Info> {
  const user = requireUser(actor);
  requireWrite(actor);
  const key = { workspaceId: user.workspaceId, userId: user.userId, notificationId };
  const { data } = await NotificationEntity().get(key).go();
  if (!data || data.clientVisible === false) throw notFound("notification");
  if (data.readAt) return toInfo(data);
  const { data: updated } = await NotificationEntity()
    .patch(key)
    .set({ readAt: nowIso() })
    .go({ response: "all_new" });
  return toInfo(updated as Item);
}

/** Marks read every unread notification the caller may read; returns how many. */
export async function markAllRead(actor: Actor): Promise<number> {
  const user = requireUser(actor);
  requireWrite(actor);
  const { data } = await readableBy(user)
    .where((a, op) => op.notExists(a.readAt))
    .go({ pages: "all", attributes: ["notificationId"] });
  const readAt = nowIso();
  await Promise.all(
    data.map(({ notificationId }) =>
      NotificationEntity()
        .patch({ workspaceId: user.workspaceId, userId: user.userId, notificationId })
        .set({ readAt })
        .go(),
    ),
  );
  return data.length;
}

/**
 * When an item changes sides, hides its notifications from the project's members who may no
 * longer see it (clients, when it turns internal) or shows them again, read or unread as they
 * were (it is client-visible again: the mention is theirs to follow again). Like the activity
 * feed's lines: nobody reads of an internal item, not even what they were told while it was
 * visible. Staff see both sides, so theirs are left alone. Marking here, not checking each subject
 * at read time, keeps every list one filtered Query; the cost falls on the rare change: one Query
 * per client member, from the item's creation on (no notification is older than its subject).
 */
export async function setVisibility(
  workspaceId: string,
  projectId: string,
  subject: Subject & { id: string; createdAt: string },
): Promise<void> {
  const concerned = (await membersOf(workspaceId, projectId)).filter((m) => !seesInternal(m.projectRole));
  await Promise.all(
    concerned.map((m) => markAbout(workspaceId, m.id, subject, maySee(m.projectRole, subject))),
  );
}

async function markAbout(
  workspaceId: string,
  userId: string,
  subject: { id: string; createdAt: string },
  clientVisible: boolean,
): Promise<void> {
  const { data } = await NotificationEntity()
    .query.primary({ workspaceId, userId })
    .gte({ notificationId: firstIdAt(subject.createdAt) })
    .where((a, op) => op.eq(a.subjectId, subject.id))
    .go({ pages: "all", attributes: ["notificationId"] });
  await Promise.all(
    data.map(({ notificationId }) =>
      NotificationEntity().patch({ workspaceId, userId, notificationId }).set({ clientVisible }).go(),
    ),
  );
}

/** The smallest id `createId` makes at `iso`: its ULIDs begin with their time, lower-cased. */
const firstIdAt = (iso: string) => `${encodeTime(Date.parse(iso), 10)}${"0".repeat(16)}`.toLowerCase();
