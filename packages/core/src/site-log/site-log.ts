// The daily site log: staff write one log per project per day (a second write for the day edits
// it), shared with the project's clients or kept internal; clients read the shared days. Every
// write is one conditional create or one patch, then its event (split by role), activity line
// and audit entry.
import type * as z from "zod";
import { Activity } from "../activity";
import type { Actor } from "../actor";
import { Audit } from "../audit";
import { conditionFailed, type Page } from "../db";
import { notFound, VisibleError } from "../error";
import { event, visibilityEvents } from "../event";
import { visibleOnCreate } from "../permissions";
import { type ProjectAccess, projectAccess, requirePermission, requireUser, workspaceOf } from "../policy";
import { Project } from "../project";
import { newestFirst } from "../project/feed";
import { User } from "../user";
import { createId, nowIso } from "../util";
import { SiteLogEntity } from "./entity";
import { DateParam, Info, type Item, ListInput, subjectOf, toInfo, WriteInput } from "./info";
import { checkedPhotos, keptPhotos, withPhotos } from "./photos";

export { DateParam, DelayCause, Info, ListInput, MAX_PHOTOS, WriteInput } from "./info";

export const Events = {
  Created: event("sitelog.created", Info),
  Updated: event("sitelog.updated", Info),
  ...visibilityEvents("sitelog", Info),
};

/** A day ahead of UTC is still "today" somewhere; anything later has not happened yet. */
const latestDay = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * Writes the project's log of `date`: creates it (only if no log of that day exists, so two
 * writers never make two) or edits the fields given. Staff only; the visibility a writer chooses
 * needs the table's `visibility` row, else a new log takes the project's default.
 */
export async function write(
  actor: Actor,
  projectId: string,
  date: string,
  input: z.input<typeof WriteInput>,
): Promise<Info> {
  const user = requireUser(actor);
  const day = DateParam.parse(date);
  const data = WriteInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  if (day > latestDay())
    throw new VisibleError("site_log.future_date", "A site log tells of a day that has happened.", 422);
  // Whether the role may write any day's log comes first: a day is named by its date, so a
  // refusal that looked at the stored day (404 for an internal one) would tell a client which
  // days hold an internal log.
  requirePermission(access, "site_log", "write");
  const before = await stored(access, day);
  requirePermission(access, "site_log", "write", before && subjectOf(before));
  if (data.clientVisible !== undefined && data.clientVisible !== before?.clientVisible)
    requirePermission(access, "site_log", "visibility", before && subjectOf(before));
  const clientVisible =
    data.clientVisible ??
    before?.clientVisible ??
    visibleOnCreate(access.role, "site_log", access.project.clientVisibleByDefault !== false);
  // Photos sent are checked as sent; an edit that sends none keeps the stored ones, but drops
  // those deleted since instead of refusing the edit over a file the writer can no longer see.
  const photos = data.photos
    ? await checkedPhotos(access, data.photos, clientVisible)
    : await keptPhotos(access, before?.photos ?? [], clientVisible);
  const { name } = await User.get(user.workspaceId, user.userId);
  const now = nowIso();
  const fields = {
    ...data,
    photos,
    clientVisible,
    updatedBy: user.userId,
    updatedByName: name,
    updatedAt: now,
  };
  if (!before) {
    const item: Item = {
      workspaceId: user.workspaceId,
      projectId,
      date: day,
      siteLogId: createId(),
      ...withoutNull(fields),
      createdBy: user.userId,
      createdAt: now,
    };
    try {
      await SiteLogEntity().create(item).go();
    } catch (error) {
      // Someone wrote the day's log first: this write is an edit of theirs.
      if (conditionFailed(error)) return write(actor, projectId, day, input);
      throw error;
    }
    return told(actor, access, Events.Created, item, undefined);
  }
  const after = await SiteLogEntity()
    .patch({ workspaceId: user.workspaceId, projectId, date: day })
    .set(withoutNull(fields))
    .remove(data.delayCause === null ? ["delayCause"] : [])
    // The photos and visibility written were worked out from `before`: had another write
    // changed them since, writing them back would undo it.
    .where((a, op) =>
      [
        op.eq(a.clientVisible, before.clientVisible),
        before.photos ? op.eq(a.photos, before.photos) : op.notExists(a.photos),
      ].join(" AND "),
    )
    .go({ response: "all_new" })
    .then(
      ({ data: item }) => item as Item,
      (error) => {
        if (conditionFailed(error)) return undefined;
        throw error;
      },
    );
  // Someone changed the day's log first: this write is an edit of theirs.
  if (!after) return write(actor, projectId, day, input);
  return told(actor, access, Events.Updated, after, before.clientVisible);
}

/** The project's logs, newest day first; a client's list holds the shared days only. One Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  return newestFirst(
    actor,
    projectId,
    input,
    (key) => SiteLogEntity().query.primary(key),
    async (items, role) =>
      (await withPhotos(workspaceOf(actor), projectId, role, items)).map((l) => toInfo(l.item, l.photos)),
  );
}

/** The log of one day, for whoever may see it (an internal day is not found for a client). */
export async function get(actor: Actor, projectId: string, date: string): Promise<Info> {
  const access = await projectAccess(actor, projectId);
  const item = await stored(access, DateParam.parse(date));
  if (!item) throw notFound("site log");
  requirePermission(access, "site_log", "view", subjectOf(item));
  const [log] = await withPhotos(access.project.workspaceId, projectId, access.role, [item]);
  return toInfo(item, log?.photos ?? []);
}

async function stored(access: ProjectAccess, date: string): Promise<Item | undefined> {
  const { workspaceId, projectId } = access.project;
  const { data } = await SiteLogEntity().get({ workspaceId, projectId, date }).go();
  return data ?? undefined;
}

/** ElectroDB stores no null: a cleared delay cause is removed instead. */
function withoutNull<T extends { delayCause?: unknown }>(fields: T) {
  const { delayCause, ...rest } = fields;
  return delayCause === null || delayCause === undefined ? rest : { ...rest, delayCause };
}

/**
 * After a write: the event to the project's live subscribers (an internal log's to staff only;
 * shown or hidden to clients when its visibility changed), the activity line, the audit entry,
 * and the log as the writer reads it.
 */
async function told(
  actor: Actor,
  access: ProjectAccess,
  definition: typeof Events.Created | typeof Events.Updated,
  item: Item,
  before: boolean | undefined,
): Promise<Info> {
  const { workspaceId, projectId } = access.project;
  const [read] = await withPhotos(workspaceId, projectId, access.role, [item]);
  const log = toInfo(item, read?.photos ?? []);
  const toggled = before !== undefined && before !== log.clientVisible;
  const verb =
    definition === Events.Created
      ? "Wrote"
      : toggled
        ? log.clientVisible
          ? "Shared"
          : "Made internal"
        : "Edited";
  const summary = `${verb} the site log of ${log.date}`;
  const shared = { ...log, photos: log.photos.filter((file) => file.clientVisible) };
  await Project.announce(
    actor,
    projectId,
    definition,
    shared,
    { subjectType: "site_log", subjectId: log.id, summary },
    { now: log.clientVisible, before, events: Events },
  );
  if (toggled) await Activity.setVisibility(workspaceId, projectId, log.id, log.clientVisible);
  await Audit.record(actor, {
    action: definition.name,
    targetType: "site_log",
    targetId: log.id,
    summary,
    details: { projectId, date: log.date, clientVisible: log.clientVisible, photos: log.photos.length },
  });
  return log;
}
