import type { EntityItem } from "electrodb";
import { z } from "zod";
import type { Actor, UserActor } from "../actor";
import { config } from "../config";
import { type Page, PageInput } from "../db";
import { forbidden, notFound, VisibleError } from "../error";
import { event } from "../event";
import { requireProject, requireUser } from "../policy";
import { Project } from "../project";
import { newestFirst } from "../project/feed";
import { createId, nowIso } from "../util";
import { FileEntity } from "./entity";
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
    createdAt: z.string(),
  })
  .meta({ id: "File" });
export type Info = z.infer<typeof Info>;

export const Events = {
  Uploaded: event("file.uploaded", Info),
  Deleted: event("file.deleted", z.object({ id: z.string(), projectId: z.string() })),
};

export const UploadInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    contentType: z.string().trim().toLowerCase().min(1).max(255),
    size: z.number().int().min(1),
  })
  .strict()
  .meta({ id: "UploadInput" });

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

const toInfo = (item: Item): Info => ({
  id: item.fileId,
  projectId: item.projectId,
  name: item.name,
  contentType: item.contentType,
  size: item.size,
  status: item.status,
  uploadedBy: item.uploadedBy,
  createdAt: item.createdAt,
});

/** Step 1: records a pending file and returns the presigned POST for it. */
export async function createUpload(
  actor: Actor,
  projectId: string,
  input: z.input<typeof UploadInput>,
): Promise<z.infer<typeof UploadTicket>> {
  const user = requireUser(actor);
  const data = UploadInput.parse(input);
  refuseBadUpload(data);
  await Project.requireWritable(actor, projectId);
  const fileId = createId();
  const now = nowIso();
  const item: Item = {
    workspaceId: user.workspaceId,
    projectId,
    fileId,
    key: `${user.workspaceId}/${projectId}/${fileId}`,
    name: data.name,
    contentType: data.contentType,
    size: data.size,
    status: "pending",
    uploadedBy: user.userId,
    createdAt: now,
    updatedAt: now,
  };
  await FileEntity().create(item).go();
  const { url, fields } = await Storage.presignUpload(item.key, data.contentType, data.size);
  return { file: toInfo(item), upload: { url, fields } };
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
 * Step 2, by the uploader: checks the stored object's size and first bytes against what was
 * declared, then lists the file. A file that fails is deleted with its object, never listed.
 */
export async function complete(actor: Actor, projectId: string, fileId: string): Promise<Info> {
  const user = requireUser(actor);
  await Project.requireWritable(actor, projectId);
  const item = await find(user, projectId, fileId);
  if (item.uploadedBy !== user.userId) throw notFound("file");
  if (item.status === "ready") return toInfo(item);
  const size = await Storage.sizeOf(item.key);
  if (size === undefined)
    throw new VisibleError(
      "file.not_uploaded",
      "The file has not arrived yet; upload it, then complete.",
      409,
    );
  const kind = kindOf(item.contentType);
  const problem =
    size > item.size || size > config().uploads.maxBytes
      ? new VisibleError("file.too_large", "The uploaded file is larger than declared.", 422)
      : !kind?.matches(await Storage.readStart(item.key, SAMPLE_BYTES))
        ? new VisibleError(
            "file.content_mismatch",
            `The file's content is not a ${kind?.label ?? "known type"}.`,
            422,
          )
        : undefined;
  if (problem) {
    await discard(item);
    throw problem;
  }
  const { data } = await FileEntity()
    .patch({ workspaceId: user.workspaceId, projectId, fileId })
    .set({ status: "ready", size, updatedAt: nowIso() })
    .go({ response: "all_new" });
  const file = toInfo(data as Item);
  await Project.announce(actor, projectId, Events.Uploaded, file, about(file, `Uploaded ${file.name}`));
  return file;
}

/** The project's ready files, newest first; one Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  return newestFirst(actor, projectId, input, (key) => FileEntity().query.listed(key), toInfo);
}

/** A short-lived link to a ready file, for anyone who may see the project. */
export async function download(
  actor: Actor,
  projectId: string,
  fileId: string,
): Promise<z.infer<typeof Download>> {
  const user = requireUser(actor);
  await requireProject(actor, projectId);
  const item = await find(user, projectId, fileId);
  if (item.status !== "ready") throw notFound("file");
  const expiresAt = new Date(Date.now() + config().uploads.downloadUrlTtlSeconds * 1000).toISOString();
  return { url: await Storage.presignDownload(item.key, item.name, item.contentType), expiresAt };
}

/** Deletes a file and its object: the uploader or an admin. */
export async function remove(actor: Actor, projectId: string, fileId: string): Promise<void> {
  const user = requireUser(actor);
  await Project.requireWritable(actor, projectId);
  const item = await find(user, projectId, fileId);
  if (item.status !== "ready" && item.uploadedBy !== user.userId) throw notFound("file");
  if (item.uploadedBy !== user.userId && user.role !== "admin")
    throw forbidden("Only the person who uploaded a file, or an admin, can delete it.");
  await discard(item);
  await Project.announce(
    actor,
    projectId,
    Events.Deleted,
    { id: fileId, projectId },
    about(toInfo(item), `Deleted ${item.name}`),
  );
}

async function find(user: UserActor, projectId: string, fileId: string): Promise<Item> {
  const { data } = await FileEntity().get({ workspaceId: user.workspaceId, projectId, fileId }).go();
  if (!data) throw notFound("file");
  return data;
}

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
