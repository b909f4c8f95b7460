// A change order's attachments: files of its own project, checked and client-visible (the client
// decides on them), read with one BatchGetItem of the file module's table entity.
import { VisibleError } from "../error";
import { FileEntity } from "../file/entity";
import type { ProjectAccess } from "../policy";
import type { Snapshot } from "./info";

export async function attachmentsOf(
  access: ProjectAccess,
  fileIds: string[],
): Promise<Snapshot["attachments"]> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return [];
  const { workspaceId, projectId } = access.project;
  const { data } = await FileEntity()
    .get(ids.map((fileId) => ({ workspaceId, projectId, fileId })))
    .go();
  const usable = new Map(
    data
      .filter((file) => file.status === "ready" && file.clientVisible !== false)
      .map((file) => [file.fileId, file.name]),
  );
  const missing = ids.filter((id) => !usable.has(id));
  if (missing.length > 0)
    throw new VisibleError(
      "change_order.attachment_invalid",
      "Attach only uploaded files of this project that clients may see.",
      422,
      { fileIds: missing },
    );
  return ids.map((id) => ({ id, name: usable.get(id) ?? "" }));
}
