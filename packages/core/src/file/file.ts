import type { EntityItem } from "electrodb";
import * as z from "zod";
import { Activity } from "../activity";
import type { Actor, Role } from "../actor";
import { config } from "../config";
import { conditionFailed, type Page, PageInput } from "../db";
import { notFound, VisibleError } from "../error";
import { event, visibilityEvents } from "../event";
import { mayAttach, maySee, visibleOnCreate } from "../permissions";
import { type ProjectAccess, projectAccess, requirePermission, requireUser } from "../policy";
import { Project } from "../project";
import { newestFirst } from "../project/feed";
import { epochSeconds, isAlive } from "../tables";
import { createId, nowIso } from "../util";
import { FileEntity, UploadEntity } from "./entity";
import { permanentKey, stagingKey } from "./keys";
import * as Storage from "./storage";
import { allowedTypes, isPlainName, kindOf, SAMPLE_BYTES } from "./types";

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    status: z.enum(["pending", "ready"]),
    uploadedBy: z.string(),
    /** False: internal, seen only by admins, team and consultants. */
    clientVisible: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "File" });
export type Info = z.infer<typeof Info>;

/** A file as a message shows it: enough to render a thumbnail or a link, and who may see it. */
export const Attachment = Info.pick({
  id: true,
  name: true,
  contentType: true,
  size: true,
  clientVisible: true,
}).meta({ id: "Attachment" });
export type Attachment = z.infer<typeof Attachment>;

export const Events = {
  Uploaded: event("file.uploaded", Info),
  Updated: event("file.updated", Info),
  Deleted: event("file.deleted", z.object({ id: z.string(), projectId: z.string() })),
  ...visibilityEvents("file", Info),
};

export const UploadInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    contentType: z.string().trim().toLowerCase().min(1).max(255),
    size: z.number().int().min(1),
    /** Unset: the project's default. Only roles that may change visibility may choose. */
    clientVisible: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "UploadInput" });

export const UpdateInput = z.object({ clientVisible: z.boolean() }).strict().meta({ id: "UpdateFileInput" });

export const UploadTicket = z
  .object({
    file: Info,
    /** POST a multipart form to `url` with every field, then the file as the last field `file`. */
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  })
  .meta({ id: "UploadTicket" });

export const Download = z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: "FileDownload" });

export const ListInput = PageInput;

type Item = EntityItem<ReturnType<typeof FileEntity>>;
type Ticket = EntityItem<ReturnType<typeof UploadEntity>>;

/** A ticket outlives its form by this much: an upload that began in time may end late. */
const COMPLETE_GRACE_SECONDS = 600;

/** What an Info is made of: a stored file, or a ticket's file while it is pending. */
type Described = Pick<
  Item,
  | "fileId"
  | "projectId"
  | "name"
  | "contentType"
  | "size"
  | "status"
  | "uploadedBy"
  | "clientVisible"
  | "createdAt"
>;

const toInfo = (item: Described): Info => ({
  id: item.fileId,
  projectId: item.projectId,
  name: item.name,
  contentType: item.contentType,
  size: item.size,
  status: item.status,
  uploadedBy: item.uploadedBy,
  clientVisible: item.clientVisible !== false,
  createdAt: item.createdAt,
});

/**
 * Step 1: records an upload ticket, which expires unless completed, and returns the presigned
 * POST for its staging key.
 */
export async function createUpload(
  actor: Actor,
  projectId: string,
  input: z.input<typeof UploadInput>,
): Promise<z.infer<typeof UploadTicket>> {
  const user = requireUser(actor);
  const data = UploadInput.parse(input);
  refuseBadUpload(data);
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, "file", "upload");
  if (data.clientVisible !== undefined) requirePermission(access, "file", "visibility");
  const { project, role } = access;
  const ticket: Ticket = {
    workspaceId: user.workspaceId,
    projectId,
    fileId: createId(),
    name: data.name,
    contentType: data.contentType,
    size: data.size,
    uploadedBy: user.userId,
    clientVisible: visibleOnCreate(
      role,
      "file",
      project.clientVisibleByDefault !== false,
      data.clientVisible,
    ),
    createdAt: nowIso(),
    expiresAt: epochSeconds() + config().uploads.uploadUrlTtlSeconds + COMPLETE_GRACE_SECONDS,
  };
  await UploadEntity().create(ticket).go();
  const { url, fields } = await Storage.presignUpload(stagingKey(ticket), data.contentType, data.size);
  return { file: toInfo({ ...ticket, status: "pending" }), upload: { url, fields } };
}

function refuseBadUpload({ name, contentType, size }: z.infer<typeof UploadInput>) {
  if (!isPlainName(name))
    throw new VisibleError(
      "file.invalid_name",
      "A file name cannot contain folders (/ or \\) or control characters.",
      400,
    );
  if (!kindOf(contentType))
    throw new VisibleError("file.type_not_allowed", `Files of type ${contentType} cannot be uploaded.`, 400, {
      allowed: allowedTypes,
    });
  const max = config().uploads.maxBytes;
  if (size > max)
    throw new VisibleError("file.too_large", `Files can be at most ${Math.floor(max / 1_048_576)} MB.`, 413, {
      maxBytes: max,
    });
}

/**
 * Step 2, by the uploader: moves the staged upload to the file's own key, checks its size and
 * first bytes against what was declared, then lists the file. One that fails is deleted, never
 * listed. Completing again answers the file as it was completed.
 */
export async function complete(actor: Actor, projectId: string, fileId: string): Promise<Info> {
  const user = requireUser(actor);
  const access = await Project.requireWritable(actor, projectId);
  const done = await lookup(access, fileId);
  if (done?.status === "ready" && done.uploadedBy === user.userId) return toInfo(done);
  const ticket = await liveTicket(access, fileId, user.userId);
  if ((await Storage.sizeOf(stagingKey(ticket))) === undefined)
    throw new VisibleError(
      "file.not_uploaded",
      "The file has not arrived yet; upload it, then complete.",
      409,
    );
  // Of two racing completes one takes the ticket; the other answers as a repeat would: the file
  // once it is ready, else not found.
  if (!(await claim(ticket))) return complete(actor, projectId, fileId);
  const item = await keep(ticket);
  await FileEntity().create(item).go();
  const file = toInfo(item);
  await Project.announce(actor, projectId, Events.Uploaded, file, about(file, `Uploaded ${file.name}`), {
    now: file.clientVisible,
    events: Events,
  });
  return file;
}

/** The caller's unexpired ticket; DynamoDB deletes expired items lazily, so an expired one is gone. */
async function liveTicket(access: ProjectAccess, fileId: string, userId: string): Promise<Ticket> {
  const { workspaceId, projectId } = access.project;
  const { data } = await UploadEntity().get({ workspaceId, projectId, fileId }).go();
  if (!data || !isAlive(data) || data.uploadedBy !== userId) throw notFound("file");
  return data;
}

/** Deletes the ticket if it is still there and unexpired: true for the one caller that did. */
async function claim({ workspaceId, projectId, fileId }: Ticket): Promise<boolean> {
  try {
    await UploadEntity()
      .remove({ workspaceId, projectId, fileId })
      .where(({ expiresAt }, { gt }) => gt(expiresAt, epochSeconds()))
      .go();
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/**
 * Copies the staged upload to the file's own key and checks that copy: the form can post again
 * until it expires, but only ever to the staging key, so the bytes checked are the bytes kept.
 * Returns the ready file; a copy that fails the check is deleted.
 */
async function keep(ticket: Ticket): Promise<Item> {
  const key = permanentKey(ticket);
  await Storage.copy(stagingKey(ticket), key);
  await Storage.remove(stagingKey(ticket));
  const size = (await Storage.sizeOf(key)) ?? 0;
  const problem = await contentProblem(key, size, ticket);
  if (problem) {
    await Storage.remove(key);
    throw problem;
  }
  const { expiresAt: _, ...described } = ticket;
  return { ...described, key, size, status: "ready", updatedAt: nowIso() };
}

/** Why the object at `key` is not the file declared, if it is not. */
async function contentProblem(
  key: string,
  size: number,
  declared: Ticket,
): Promise<VisibleError | undefined> {
  if (size > declared.size || size > config().uploads.maxBytes)
    return new VisibleError("file.too_large", "The uploaded file is larger than declared.", 422);
  const kind = kindOf(declared.contentType);
  if (kind?.matches(await Storage.readStart(key, SAMPLE_BYTES))) return undefined;
  return new VisibleError(
    "file.content_mismatch",
    `The file's content is not a ${kind?.label ?? "known type"}.`,
    422,
  );
}

/** The project's ready files, newest first; one Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  return newestFirst(
    actor,
    projectId,
    input,
    (key) => FileEntity().query.listed(key),
    (items) => items.map(toInfo),
  );
}

/**
 * The ready files of a project among `fileIds`, by id, in one BatchGet: what a message may show
 * as attachments. Pending, deleted and other projects' files are simply absent.
 */
export async function attachments(
  workspaceId: string,
  projectId: string,
  fileIds: string[],
): Promise<Map<string, Attachment>> {
  let keys = [...new Set(fileIds)].map((fileId) => ({ workspaceId, projectId, fileId }));
  const found: Item[] = [];
  // Keys DynamoDB did not get to this time are asked again, a few times at most.
  for (let round = 0; keys.length > 0 && round < 3; round++) {
    const { data, unprocessed } = await FileEntity().get(keys).go();
    found.push(...data);
    keys = unprocessed;
  }
  if (keys.length > 0) throw new Error("attachments could not be read");
  return new Map(
    found
      .filter((item) => item.status === "ready")
      .map((item) => {
        const { id, name, contentType, size, clientVisible } = toInfo(item);
        return [id, { id, name, contentType, size, clientVisible }];
      }),
  );
}

/**
 * Reads the files other items show (a message's attachments, a day's photos, a change order's
 * files) in one go, and gives for any list of their ids those a reader in `role` may see now, in
 * order: a file deleted since is gone, and one made internal since is gone for a client.
 */
export async function shownTo(
  workspaceId: string,
  projectId: string,
  role: Role,
  fileIds: string[],
): Promise<(ids: readonly string[]) => Attachment[]> {
  const files = await attachments(workspaceId, projectId, fileIds);
  return (ids) =>
    ids.flatMap((id) => {
      const file = files.get(id);
      return file && maySee(role, file) ? [file] : [];
    });
}

/** How an item refuses files it may not show, in its own words (codes and messages). */
export interface Refusals {
  /** Not a ready file of the project its writer may see, or not one `usable` accepts. */
  unusable(fileIds: string[]): VisibleError;
  /** Internal, on an item clients read. */
  internal(files: Attachment[]): VisibleError;
}

/**
 * The files, once each and in order, that an item about to show them may: from `files` as read
 * (`attachments`), each a file its writer in `role` may see and `usable` accepts, and none
 * internal when clients read the item (the table's `mayAttach`). Else the item's own 422.
 */
export function attachable(
  role: Role,
  fileIds: string[],
  files: ReadonlyMap<string, Attachment>,
  clientVisible: boolean,
  refuse: Refusals,
  usable: (file: Attachment) => boolean = () => true,
): Attachment[] {
  const ids = [...new Set(fileIds)];
  const unusable = ids.filter((id) => {
    const file = files.get(id);
    return !file || !maySee(role, file) || !usable(file);
  });
  if (unusable.length > 0) throw refuse.unusable(unusable);
  const found = ids.flatMap((id) => files.get(id) ?? []);
  const internal = found.filter((file) => !mayAttach({ clientVisible }, file));
  if (internal.length > 0) throw refuse.internal(internal);
  return found;
}

/** A short-lived link to a ready file, for anyone who may see the project. */
export async function download(
  actor: Actor,
  projectId: string,
  fileId: string,
): Promise<z.infer<typeof Download>> {
  requireUser(actor);
  const item = await find(await projectAccess(actor, projectId), fileId);
  if (item.status !== "ready") throw notFound("file");
  const expiresAt = new Date(Date.now() + config().uploads.downloadUrlTtlSeconds * 1000).toISOString();
  return { url: await Storage.presignDownload(item.key, item.name, item.contentType), expiresAt };
}

/** Marks a ready file internal or client-visible (roles that may change visibility). */
export async function update(
  actor: Actor,
  projectId: string,
  fileId: string,
  input: z.input<typeof UpdateInput>,
): Promise<Info> {
  const { clientVisible } = UpdateInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  const item = await find(access, fileId);
  if (item.status !== "ready") throw notFound("file");
  const before = toInfo(item);
  requirePermission(access, "file", "visibility", subjectOf(before));
  if (before.clientVisible === clientVisible) return before;
  const { workspaceId } = access.project;
  const { data } = await FileEntity()
    .patch({ workspaceId, projectId, fileId })
    // The list index is sparse on `status`: a patch without it would drop the file from the list.
    .set({ clientVisible, status: item.status, updatedAt: nowIso() })
    .go({ response: "all_new" });
  const file = toInfo(data as Item);
  const summary = `Made ${file.name} ${clientVisible ? "visible to clients" : "internal"}`;
  await Project.announce(actor, projectId, Events.Updated, file, about(file, summary), {
    now: clientVisible,
    before: before.clientVisible,
    events: Events,
  });
  await Activity.setVisibility(workspaceId, projectId, fileId, clientVisible);
  return file;
}

/** Deletes a file and its object: whoever the permission table lets (its uploader, team, admins). */
export async function remove(actor: Actor, projectId: string, fileId: string): Promise<void> {
  const user = requireUser(actor);
  const access = await Project.requireWritable(actor, projectId);
  const item = await find(access, fileId);
  if (item.status !== "ready" && item.uploadedBy !== user.userId) throw notFound("file");
  requirePermission(access, "file", "delete", subjectOf(toInfo(item)));
  await discard(item);
  await Project.announce(
    actor,
    projectId,
    Events.Deleted,
    { id: fileId, projectId },
    about(toInfo(item), `Deleted ${item.name}`),
    { now: item.clientVisible !== false, events: Events },
  );
}

/** A file the access may see (an internal one is not found for a client). */
async function find(access: ProjectAccess, fileId: string): Promise<Item> {
  const item = await lookup(access, fileId);
  if (!item) throw notFound("file");
  return item;
}

/** The stored file, if there is one; refused like `find` when the access may not see it. */
async function lookup(access: ProjectAccess, fileId: string): Promise<Item | undefined> {
  const { workspaceId, projectId } = access.project;
  const { data } = await FileEntity().get({ workspaceId, projectId, fileId }).go();
  if (data) requirePermission(access, "file", "view", subjectOf(toInfo(data)));
  return data ?? undefined;
}

const subjectOf = (file: Info) => ({ createdBy: file.uploadedBy, clientVisible: file.clientVisible });

async function discard(item: Item) {
  await Storage.remove(item.key);
  await FileEntity()
    .delete({ workspaceId: item.workspaceId, projectId: item.projectId, fileId: item.fileId })
    .go();
}

const about = (file: Info, summary: string) => ({
  subjectType: "file" as const,
  subjectId: file.id,
  summary,
});
