import type { EntityItem } from "electrodb";
import * as z from "zod";
import type { Actor } from "../actor";
import { type Page, PageInput, paged } from "../db";
import { notFound } from "../error";
import { event } from "../event";
import { requireUser, requireWrite, workspaceOf } from "../policy";
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

/** The caller's notifications, newest first; one Query per page (`unread` filters it). */
export async function list(actor: Actor, input: z.input<typeof ListInput> = {}): Promise<Page<Info>> {
  const user = requireUser(actor);
  const { cursor, limit, unread } = ListInput.parse(input);
  const query = NotificationEntity().query.primary({ workspaceId: user.workspaceId, userId: user.userId });
  const filtered = unread === "true" ? query.where((a, op) => op.notExists(a.readAt)) : query;
  const page = await paged(cursor, (c) => filtered.go({ cursor: c, limit, order: "desc" }));
  return { ...page, items: page.items.map(toInfo) };
}

/** Marks one of the caller's notifications read; anyone else's is not found. */
export async function markRead(actor: Actor, notificationId: string): Promise<Info> {
  const user = requireUser(actor);
  requireWrite(actor);
  const key = { workspaceId: user.workspaceId, userId: user.userId, notificationId };
  const { data } = await NotificationEntity().get(key).go();
  if (!data) throw notFound("notification");
  if (data.readAt) return toInfo(data);
  const { data: updated } = await NotificationEntity()
    .patch(key)
    .set({ readAt: nowIso() })
    .go({ response: "all_new" });
  return toInfo(updated as Item);
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllRead(actor: Actor): Promise<number> {
  const user = requireUser(actor);
  requireWrite(actor);
  const { data } = await NotificationEntity()
    .query.primary({ workspaceId: user.workspaceId, userId: user.userId })
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
