import type { EntityItem } from "electrodb";
import { z } from "zod";
import type { Actor, UserActor } from "../actor";
import { config } from "../config";
import { type Page, PageInput } from "../db";
import { forbidden, notFound, VisibleError } from "../error";
import { event } from "../event";
import { Notification } from "../notification";
import { requireUser } from "../policy";
import { Project } from "../project";
import { newestFirst } from "../project/feed";
import { createId, nowIso } from "../util";
import { MessageEntity } from "./entity";

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    authorId: z.string(),
    authorName: z.string(),
    body: z.string(),
    mentions: z.array(z.string()),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .meta({ id: "Message" });
export type Info = z.infer<typeof Info>;

export const Events = {
  Sent: event("message.sent", Info),
  Updated: event("message.updated", Info),
  Deleted: event("message.deleted", z.object({ id: z.string(), projectId: z.string() })),
};

export const MessageInput = z
  .object({ body: z.string().trim().min(1).max(10_000) })
  .strict()
  .meta({ id: "MessageInput" });

export const ListInput = PageInput;

type Item = EntityItem<ReturnType<typeof MessageEntity>>;

const toInfo = (item: Item): Info => ({
  id: item.messageId,
  projectId: item.projectId,
  authorId: item.authorId,
  authorName: item.authorName,
  body: item.body,
  mentions: item.mentions ?? [],
  createdAt: item.createdAt,
  editedAt: item.editedAt ?? null,
});

export async function send(
  actor: Actor,
  projectId: string,
  input: z.input<typeof MessageInput>,
): Promise<Info> {
  const user = requireUser(actor);
  const { body } = MessageInput.parse(input);
  const project = await Project.requireWritable(actor, projectId);
  const members = await Project.membersOf(user.workspaceId, projectId);
  const now = nowIso();
  const item: Item = {
    workspaceId: user.workspaceId,
    projectId,
    messageId: createId(),
    authorId: user.userId,
    authorName: members.find((m) => m.id === user.userId)?.name ?? "",
    body,
    mentions: Project.mentionsIn(body, members),
    createdAt: now,
    updatedAt: now,
  };
  await MessageEntity().create(item).go();
  const message = toInfo(item);
  await Project.announce(actor, projectId, Events.Sent, message, about(message, "Posted a message"));
  await mention(actor, project, message, message.mentions);
  return message;
}

/** The project's thread, newest first; one Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  return newestFirst(actor, projectId, input, (key) => MessageEntity().query.primary(key), toInfo);
}

/** Edits your own message within the edit window; newly mentioned people are notified. */
export async function edit(
  actor: Actor,
  projectId: string,
  messageId: string,
  input: z.input<typeof MessageInput>,
): Promise<Info> {
  const user = requireUser(actor);
  const { body } = MessageInput.parse(input);
  const project = await Project.requireWritable(actor, projectId);
  const before = await own(user, projectId, messageId, "edit");
  const members = await Project.membersOf(user.workspaceId, projectId);
  const now = nowIso();
  const { data } = await MessageEntity()
    .patch({ workspaceId: user.workspaceId, projectId, messageId })
    .set({ body, mentions: Project.mentionsIn(body, members), editedAt: now, updatedAt: now })
    .go({ response: "all_new" });
  const message = toInfo(data as Item);
  await Project.announce(actor, projectId, Events.Updated, message, about(message, "Edited a message"));
  await mention(
    actor,
    project,
    message,
    message.mentions.filter((id) => !before.mentions.includes(id)),
  );
  return message;
}

/** Deletes a message: its author within the edit window, an admin at any time (moderation). */
export async function remove(actor: Actor, projectId: string, messageId: string): Promise<void> {
  const user = requireUser(actor);
  await Project.requireWritable(actor, projectId);
  const message =
    user.role === "admin"
      ? await get(user, projectId, messageId)
      : await own(user, projectId, messageId, "delete");
  await MessageEntity().delete({ workspaceId: user.workspaceId, projectId, messageId }).go();
  await Project.announce(
    actor,
    projectId,
    Events.Deleted,
    { id: messageId, projectId },
    about(message, "Deleted a message"),
  );
}

async function get(user: UserActor, projectId: string, messageId: string): Promise<Info> {
  const { data } = await MessageEntity().get({ workspaceId: user.workspaceId, projectId, messageId }).go();
  if (!data) throw notFound("message");
  return toInfo(data);
}

/** The caller's own message, still inside the edit window. */
async function own(user: UserActor, projectId: string, messageId: string, verb: "edit" | "delete") {
  const message = await get(user, projectId, messageId);
  if (message.authorId !== user.userId) throw forbidden(`You can only ${verb} your own messages.`);
  const windowMs = config().messageEditWindowMs;
  if (Date.now() - Date.parse(message.createdAt) > windowMs)
    throw new VisibleError(
      "message.edit_window_closed",
      `Messages can only be changed within ${Math.round(windowMs / 60_000)} minutes of posting.`,
      422,
    );
  return message;
}

const about = (message: Info, summary: string) => ({
  subjectType: "message" as const,
  subjectId: message.id,
  summary,
});

const mention = (actor: Actor, project: Project.Info, message: Info, userIds: string[]) =>
  Notification.notify(actor, userIds, {
    kind: "mentioned",
    projectId: project.id,
    subjectType: "message",
    subjectId: message.id,
    text: `${message.authorName} mentioned you in ${project.name}`,
  });
