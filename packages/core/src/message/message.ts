import type { EntityItem } from "electrodb";
import * as z from "zod";
import { Activity } from "../activity";
import type { Actor, Role } from "../actor";
import { config } from "../config";
import { conditionFailed, type Page, PageInput } from "../db";
import { notFound, VisibleError } from "../error";
import { event, visibilityEvents } from "../event";
import { File } from "../file";
import { Notification } from "../notification";
import { mayAttach, visibleOnCreate } from "../permissions";
import { type ProjectAccess, requirePermission, requireUser, workspaceOf } from "../policy";
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
    /** Files of the project shown with the message: only those the reader may see. */
    attachments: z.array(File.Attachment),
    /** False: internal, seen only by admins, team and consultants. */
    clientVisible: z.boolean(),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .meta({ id: "Message" });
export type Info = z.infer<typeof Info>;

export const Events = {
  Sent: event("message.sent", Info),
  Updated: event("message.updated", Info),
  Deleted: event("message.deleted", z.object({ id: z.string(), projectId: z.string() })),
  ...visibilityEvents("message", Info),
};

const Body = z.string().trim().min(1).max(10_000);

export const MAX_ATTACHMENTS = 10;

export const MessageInput = z
  .object({
    /** May be left out when the message only shows files. */
    body: z.string().trim().max(10_000).default(""),
    /** Ids of files already uploaded to the project (ready), shown with the message. */
    attachments: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid file id."))
      .max(MAX_ATTACHMENTS)
      .default([]),
    /** Unset: the project's default. Only roles that may change visibility may choose. */
    clientVisible: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.body !== "" || v.attachments.length > 0, {
    message: "Write a message or attach a file.",
    path: ["body"],
  })
  .meta({ id: "MessageInput" });

export const EditInput = z
  .object({ body: Body.optional(), clientVisible: z.boolean().optional() })
  .strict()
  .refine((v) => v.body !== undefined || v.clientVisible !== undefined, "Give a body or a visibility.")
  .meta({ id: "MessageEditInput" });

export const ListInput = PageInput;

type Item = EntityItem<ReturnType<typeof MessageEntity>>;

const toInfo = (item: Item, attachments: File.Attachment[]): Info => ({
  id: item.messageId,
  projectId: item.projectId,
  authorId: item.authorId,
  authorName: item.authorName,
  body: item.body,
  mentions: item.mentions ?? [],
  attachments,
  clientVisible: item.clientVisible !== false,
  createdAt: item.createdAt,
  editedAt: item.editedAt ?? null,
});

/**
 * Messages as a reader in `role` sees them, their attachments read in one go: a file deleted
 * since is gone, and one made internal since is gone for a client (defense behind `attachable`).
 */
async function withAttachments(workspaceId: string, projectId: string, role: Role, items: Item[]) {
  const shown = await File.shownTo(
    workspaceId,
    projectId,
    role,
    items.flatMap((item) => item.attachments ?? []),
  );
  return items.map((item) => toInfo(item, shown(item.attachments ?? [])));
}

/**
 * The files a message about to be posted or shared will show: each one a ready file of the
 * project its sender may see (else 422, nothing stored), never an internal file in a
 * client-visible message (the permission table's `mayAttach`).
 */
async function attachable(access: ProjectAccess, fileIds: string[], clientVisible: boolean) {
  if (fileIds.length === 0) return [];
  const { workspaceId, projectId } = access.project;
  const files = await File.attachments(workspaceId, projectId, fileIds);
  return File.attachable(access.role, fileIds, files, clientVisible, REFUSALS);
}

const REFUSALS: File.Refusals = {
  unusable: (fileIds) =>
    new VisibleError(
      "message.attachment_not_found",
      "Only files uploaded to this project can be attached; some were not found.",
      422,
      { fileIds },
    ),
  internal: (files) =>
    new VisibleError(
      "message.internal_attachment",
      "Clients can read this message, but an attached file is internal: share the file with clients or make the message internal.",
      422,
      { fileIds: files.map((file) => file.id) },
    ),
};

/** What an event about the message carries: the attachments every reader of the message may see. */
const announced = (message: Info): Info => ({
  ...message,
  attachments: message.attachments.filter((file) => mayAttach(message, file)),
});

export async function send(
  actor: Actor,
  projectId: string,
  input: z.input<typeof MessageInput>,
): Promise<Info> {
  const user = requireUser(actor);
  const { body, attachments: fileIds, clientVisible: chosen } = MessageInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, "message", "post");
  if (chosen !== undefined) requirePermission(access, "message", "visibility");
  const { project, role } = access;
  const clientVisible = visibleOnCreate(role, "message", project.clientVisibleByDefault !== false, chosen);
  const [attachments, members] = await Promise.all([
    attachable(access, fileIds, clientVisible),
    Project.membersOf(user.workspaceId, projectId),
  ]);
  const now = nowIso();
  const item: Item = {
    workspaceId: user.workspaceId,
    projectId,
    messageId: createId(),
    authorId: user.userId,
    authorName: members.find((m) => m.id === user.userId)?.name ?? "",
    body,
    mentions: Project.mentionsIn(body, members),
    attachments: attachments.map((file) => file.id),
    clientVisible,
    createdAt: now,
    updatedAt: now,
  };
  await MessageEntity().create(item).go();
  const message = toInfo(item, attachments);
  await Project.announce(
    actor,
    projectId,
    Events.Sent,
    announced(message),
    about(message, "Posted a message"),
    {
      now: message.clientVisible,
      events: Events,
    },
  );
  await mention(actor, project.name, message, message.mentions, members);
  return message;
}

/** The project's thread, newest first; one Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  return newestFirst(
    actor,
    projectId,
    input,
    (key) => MessageEntity().query.primary(key),
    (items, role) => withAttachments(workspaceOf(actor), projectId, role, items),
  );
}

/**
 * Edits a message (its author, within the edit window) and/or marks it internal or client-visible
 * (staff whose role may); newly mentioned people are notified.
 */
export async function edit(
  actor: Actor,
  projectId: string,
  messageId: string,
  input: z.input<typeof EditInput>,
): Promise<Info> {
  const user = requireUser(actor);
  const { body, clientVisible } = EditInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  const before = await get(access, messageId);
  if (body !== undefined) withinWindow(access, before, "edit");
  const toggled = clientVisible !== undefined && clientVisible !== before.clientVisible;
  if (toggled) requirePermission(access, "message", "visibility", subjectOf(before));
  if (toggled && clientVisible)
    await attachable(
      access,
      before.attachments.map((file) => file.id),
      true,
    );
  const members = body === undefined ? [] : await Project.membersOf(user.workspaceId, projectId);
  const now = nowIso();
  const changes =
    body === undefined ? {} : { body, mentions: Project.mentionsIn(body, members), editedAt: now };
  // ElectroDB's patch requires the message to exist: one deleted meanwhile is not found, never recreated.
  const { data } = await MessageEntity()
    .patch({ workspaceId: user.workspaceId, projectId, messageId })
    .set({ ...changes, ...(toggled ? { clientVisible } : {}), updatedAt: now })
    .go({ response: "all_new" })
    .catch((error) => {
      throw conditionFailed(error) ? notFound("message") : error;
    });
  const [message = before] = await withAttachments(user.workspaceId, projectId, access.role, [data as Item]);
  const summary = toggled
    ? `Made a message ${message.clientVisible ? "visible to clients" : "internal"}`
    : "Edited a message";
  await Project.announce(actor, projectId, Events.Updated, announced(message), about(message, summary), {
    now: message.clientVisible,
    before: before.clientVisible,
    events: Events,
  });
  if (toggled) {
    await Activity.setVisibility(user.workspaceId, projectId, messageId, message.clientVisible);
    await Notification.setVisibility(user.workspaceId, projectId, message);
  }
  await mention(
    actor,
    access.project.name,
    message,
    message.mentions.filter((id) => !before.mentions.includes(id)),
    members,
  );
  return message;
}

/** Deletes a message: its author within the edit window; an admin at any time (moderation). */
export async function remove(actor: Actor, projectId: string, messageId: string): Promise<void> {
  const user = requireUser(actor);
  const access = await Project.requireWritable(actor, projectId);
  const message = await get(access, messageId);
  withinWindow(access, message, "delete");
  await MessageEntity().delete({ workspaceId: user.workspaceId, projectId, messageId }).go();
  await Project.announce(
    actor,
    projectId,
    Events.Deleted,
    { id: messageId, projectId },
    about(message, "Deleted a message"),
    { now: message.clientVisible, events: Events },
  );
}

/** A message the access may see (an internal one is not found for a client). */
async function get(access: ProjectAccess, messageId: string): Promise<Info> {
  const { workspaceId, projectId } = access.project;
  const { data } = await MessageEntity().get({ workspaceId, projectId, messageId }).go();
  if (!data) throw notFound("message");
  const [message] = await withAttachments(workspaceId, projectId, access.role, [data]);
  if (!message) throw notFound("message");
  requirePermission(access, "message", "view", subjectOf(message));
  return message;
}

const subjectOf = (message: Info) => ({ createdBy: message.authorId, clientVisible: message.clientVisible });

/**
 * The permission table's row for editing or deleting, and the edit window: authors change their
 * messages only for a while after posting; an admin's moderation (deleting anyone's) has no window.
 */
function withinWindow(access: ProjectAccess, message: Info, verb: "edit" | "delete") {
  requirePermission(access, "message", verb, subjectOf(message));
  if (verb === "delete" && access.role === "admin") return;
  const windowMs = config().messageEditWindowMs;
  if (Date.now() - Date.parse(message.createdAt) > windowMs)
    throw new VisibleError(
      "message.edit_window_closed",
      `Messages can only be changed within ${Math.round(windowMs / 60_000)} minutes of posting.`,
      422,
    );
}

const about = (message: Info, summary: string) => ({
  subjectType: "message" as const,
  subjectId: message.id,
  summary,
});

/**
 * Tells the newly mentioned who may read the message (a client never hears of an internal one),
 * among the members the mentions were resolved against.
 */
async function mention(
  actor: Actor,
  projectName: string,
  message: Info,
  userIds: string[],
  members: Project.Member[],
) {
  if (userIds.length === 0) return;
  const readers = Project.readersAmong(members, subjectOf(message));
  await Notification.notify(actor, userIds.filter(readers), {
    kind: "mentioned",
    projectId: message.projectId,
    subjectType: "message",
    subjectId: message.id,
    text: `${message.authorName} mentioned you in ${projectName}`,
  });
}
