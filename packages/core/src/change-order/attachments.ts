// A change order's attachments: ready files of its own project, read with the file module's batch
// read and judged by the permission table. A change order is written to be shown to the project's
// clients, so every file it names must be one they may see: checked when a draft is saved, again
// when it is sent (a file may have been made internal since), and on every read by someone who
// may not see internal files (it may be made internal after sending), as messages do.
import type { Role } from "../actor";
import { VisibleError } from "../error";
import { File } from "../file";
import { seesInternal } from "../permissions";
import type { ProjectAccess } from "../policy";
import { type Info, type Item, infoFor } from "./info";

type Attachment = Info["attachments"][number];

/** A change order's files are judged as its clients will read it: client-visible. */
const AS_SENT = true;

/** Where the change orders are: their workspace and project. */
interface Place {
  workspaceId: string;
  projectId: string;
}

/**
 * The attachments a draft saved or sent now may show, by name: each a ready file of the project
 * its author may see (else 422 `change_order.attachment_invalid`), none internal (else 422
 * `change_order.internal_attachment`, naming them). Nothing is stored or sent on a refusal.
 */
export async function attachable(access: ProjectAccess, fileIds: string[]): Promise<Attachment[]> {
  if (fileIds.length === 0) return [];
  const { workspaceId, projectId } = access.project;
  const files = await File.attachments(workspaceId, projectId, fileIds);
  return File.attachable(access.role, fileIds, files, AS_SENT, REFUSALS).map(({ id, name }) => ({
    id,
    name,
  }));
}

const REFUSALS: File.Refusals = {
  unusable: (fileIds) =>
    new VisibleError(
      "change_order.attachment_invalid",
      "Attach only files uploaded to this project; some were not found.",
      422,
      { fileIds },
    ),
  internal: internalFiles,
};

/** Names the internal files, so the sender knows which to share or take off. */
function internalFiles(files: File.Attachment[]): VisibleError {
  const names = files.map((file) => `"${file.name}"`).join(", ");
  const [are, them] = files.length === 1 ? ["is", "it"] : ["are", "them"];
  return new VisibleError(
    "change_order.internal_attachment",
    `Clients will read this change order, but ${names} ${are} internal: share ${them} with clients or remove ${them} from the change order.`,
    422,
    { fileIds: files.map((file) => file.id) },
  );
}

/** A change order as someone in `role` reads it now: only the attachments they may still see. */
export async function readAs(role: Role, place: Place, item: Item): Promise<Info> {
  const info = infoFor(item, role);
  return keepShown(info, await shownTo(role, place, [info]));
}

/** Change orders as someone in `role` reads them now, their files read in one go. */
export async function readAllAs(role: Role, place: Place, items: Item[]): Promise<Info[]> {
  const infos = items.map((item) => infoFor(item, role));
  const shown = await shownTo(role, place, infos);
  return infos.map((info) => keepShown(info, shown));
}

/**
 * Which attachments of `infos` someone in `role` may see now. Whoever sees internal files sees
 * them all: the stored names stay their record of what was attached. For anyone else a file
 * deleted or made internal since is gone.
 */
async function shownTo(role: Role, place: Place, infos: Info[]): Promise<(file: Attachment) => boolean> {
  if (seesInternal(role)) return () => true;
  const ids = infos
    .flatMap((info) => [...info.attachments, ...(info.decision?.snapshot.attachments ?? [])])
    .map((file) => file.id);
  const shown = await File.shownTo(place.workspaceId, place.projectId, role, ids);
  const visible = new Set(shown(ids).map((file) => file.id));
  return ({ id }) => visible.has(id);
}

/** The change order with only the attachments `shown` lets through, its decision's snapshot too. */
function keepShown(info: Info, shown: (file: Attachment) => boolean): Info {
  const { decision } = info;
  return {
    ...info,
    attachments: info.attachments.filter(shown),
    decision: decision && {
      ...decision,
      snapshot: { ...decision.snapshot, attachments: decision.snapshot.attachments.filter(shown) },
    },
  };
}
