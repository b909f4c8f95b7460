// A day's photos: image files of its own project, never an internal one on a shared log (the
// permission table's `mayAttach`), and on read only those the reader may see — a photo deleted
// or made internal since drops out. One BatchGet of the file module's table entity per read.
import type { Role } from "../actor";
import { VisibleError } from "../error";
import { File } from "../file";
import { isImage } from "../file/types";
import type { ProjectAccess } from "../policy";
import type { Item } from "./info";

/** Logs as a reader in `role` sees them, with their photos read in one go. */
export async function withPhotos(workspaceId: string, projectId: string, role: Role, items: Item[]) {
  const shown = await File.shownTo(
    workspaceId,
    projectId,
    role,
    items.flatMap((item) => item.photos ?? []),
  );
  return items.map((item) => ({ item, photos: shown(item.photos ?? []).filter(isImage) }));
}

/**
 * The photos a log about to be written will show: each a ready image of the project the writer
 * may see (else 422, nothing stored), none internal when the log is shared with clients.
 */
export async function checkedPhotos(access: ProjectAccess, fileIds: string[], clientVisible: boolean) {
  const ids = [...new Set(fileIds)];
  return verified(access, ids, await attachments(access, ids), clientVisible);
}

/**
 * The photos an edit that sends none keeps: the stored ones but those deleted since, which the
 * writer can no longer see or remove; the rest are checked as on a write.
 */
export async function keptPhotos(access: ProjectAccess, storedIds: string[], clientVisible: boolean) {
  const files = await attachments(access, storedIds);
  return verified(
    access,
    storedIds.filter((id) => files.has(id)),
    files,
    clientVisible,
  );
}

/** The project's ready files among `ids`, in one BatchGet (none for no ids). */
const attachments = async (access: ProjectAccess, ids: string[]) =>
  ids.length === 0
    ? new Map<string, File.Attachment>()
    : File.attachments(access.project.workspaceId, access.project.projectId, ids);

/** `ids` if each is a photo a log of that visibility may show; else a 422 naming those that are not. */
function verified(
  access: ProjectAccess,
  ids: string[],
  files: Map<string, File.Attachment>,
  clientVisible: boolean,
): string[] {
  return File.attachable(access.role, ids, files, clientVisible, REFUSALS, isImage).map((file) => file.id);
}

const REFUSALS: File.Refusals = {
  unusable: (fileIds) =>
    new VisibleError(
      "site_log.photo_invalid",
      "Photos must be images uploaded to this project; some were not found or are not images.",
      422,
      { fileIds },
    ),
  internal: (files) =>
    new VisibleError(
      "site_log.internal_photo",
      "Clients can read this log, but a photo is internal: share the photo with clients or keep the log internal.",
      422,
      { fileIds: files.map((file) => file.id) },
    ),
};
