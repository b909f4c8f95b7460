// The life of a change order: staff draft and edit it, send it to the project's clients or
// withdraw it; a client approves or declines it with their typed name. Every step is one
// conditional write, then its event, activity line and audit entry; clients never read a draft,
// an internal note or an internal file.
import type * as z from "zod";
import type { Actor } from "../actor";
import { Audit } from "../audit";
import type { Page } from "../db";
import { notFound, VisibleError } from "../error";
import { event, visibilityEvents } from "../event";
import { type Action, seesInternal } from "../permissions";
import { type ProjectAccess, projectAccess, requirePermission, requireUser, workspaceOf } from "../policy";
import { Project } from "../project";
import { newestFirst } from "../project/feed";
import { User } from "../user";
import { createId, nowIso } from "../util";
import { attachable, readAllAs, readAs } from "./attachments";
import { ChangeOrderEntity } from "./entity";
import { Info, type Item, snapshotOf, subjectOf, today } from "./info";
import { ApproveInput, CreateInput, DeclineInput, ListInput, UpdateInput } from "./input";
import { askDeciders, tellStaff } from "./people";
import { signs } from "./signature";
import { refuseUnless, transition } from "./state";

export { Info, Snapshot, State } from "./info";
export { ApproveInput, CreateInput, DeclineInput, ListInput, UpdateInput } from "./input";
export { Totals, totals } from "./totals";

/**
 * Events carry what clients may read (no internal note, no file they may not see now); staff
 * screens refetch for the rest.
 */
export const Events = {
  Created: event("change_order.created", Info),
  Updated: event("change_order.updated", Info),
  Sent: event("change_order.sent", Info),
  Withdrawn: event("change_order.withdrawn", Info),
  Approved: event("change_order.approved", Info),
  Declined: event("change_order.declined", Info),
  ...visibilityEvents("change_order", Info),
};

/** Where a decision came from, as the API saw it. */
export interface Origin {
  ip: string;
}

export async function create(
  actor: Actor,
  projectId: string,
  input: z.input<typeof CreateInput>,
): Promise<Info> {
  const user = requireUser(actor);
  const data = CreateInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, "change_order", "create");
  const now = nowIso();
  const item: Item = {
    workspaceId: user.workspaceId,
    projectId,
    changeOrderId: createId(),
    title: data.title,
    description: data.description ?? "",
    reason: data.reason ?? "",
    costDelta: data.costDelta,
    scheduleDeltaDays: data.scheduleDeltaDays ?? 0,
    attachments: await attachable(access, data.attachments ?? []),
    decisionDue: data.decisionDue,
    internalNote: data.internalNote ?? "",
    state: "draft",
    clientVisible: false,
    createdBy: user.userId,
    createdAt: now,
    updatedAt: now,
  };
  await ChangeOrderEntity().create(item).go();
  return told(actor, access, Events.Created, item, `Drafted change order "${item.title}"`);
}

export async function get(actor: Actor, projectId: string, changeOrderId: string): Promise<Info> {
  const access = await projectAccess(actor, projectId);
  return readAs(access.role, access.project, await find(access, changeOrderId, "view"));
}

/** The project's change orders, newest first; a client's list has no drafts. One Query per page. */
export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  return newestFirst(
    actor,
    projectId,
    input,
    (key) => ChangeOrderEntity().query.primary(key),
    (items, role) => readAllAs(role, { workspaceId: workspaceOf(actor), projectId }, items),
  );
}

/** Edits a draft; a sent or decided change order never changes (409). */
export async function update(
  actor: Actor,
  projectId: string,
  changeOrderId: string,
  input: z.input<typeof UpdateInput>,
): Promise<Info> {
  const { attachments, ...patch } = UpdateInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  const before = await find(access, changeOrderId, "edit");
  refuseUnless(before, "draft");
  const files = attachments === undefined ? {} : { attachments: await attachable(access, attachments) };
  const item = await transition(before, "draft", { ...patch, ...files, updatedAt: nowIso() });
  return told(actor, access, Events.Updated, item, `Edited change order "${item.title}"`);
}

/** Shows a draft to the project's clients and asks for their decision (in the app, live, by email). */
export async function send(actor: Actor, projectId: string, changeOrderId: string): Promise<Info> {
  const user = requireUser(actor);
  const access = await Project.requireWritable(actor, projectId);
  const before = await find(access, changeOrderId, "send");
  refuseUnless(before, "draft");
  if (before.decisionDue < today())
    throw new VisibleError(
      "change_order.due_passed",
      "The decision date has passed; choose a later one before sending.",
      422,
    );
  // A file attached to the draft may have been made internal (or deleted) since it was saved.
  await attachable(
    access,
    (before.attachments ?? []).map((file) => file.id),
  );
  const now = nowIso();
  const item = await transition(before, "draft", {
    state: "sent",
    clientVisible: true,
    sentBy: user.userId,
    sentAt: now,
    updatedAt: now,
  });
  const info = await told(actor, access, Events.Sent, item, `Sent change order "${item.title}" for approval`);
  await askDeciders(actor, access, item);
  return info;
}

/** Takes back a sent change order the client has not decided on. */
export async function withdraw(actor: Actor, projectId: string, changeOrderId: string): Promise<Info> {
  const user = requireUser(actor);
  const access = await Project.requireWritable(actor, projectId);
  const before = await find(access, changeOrderId, "withdraw");
  refuseUnless(before, "sent", "expired");
  const now = nowIso();
  const item = await transition(before, "sent", {
    state: "withdrawn",
    withdrawnBy: user.userId,
    withdrawnAt: now,
    updatedAt: now,
  });
  return told(actor, access, Events.Withdrawn, item, `Withdrew change order "${item.title}"`);
}

/**
 * The client approves: signed with their typed full name, from `origin`, with a snapshot of what
 * they approved, in one conditional write — of two decisions at once exactly one lands.
 */
export const approve = (
  actor: Actor,
  projectId: string,
  changeOrderId: string,
  input: z.input<typeof ApproveInput>,
  origin: Origin,
) => decide(actor, projectId, changeOrderId, { ...ApproveInput.parse(input), outcome: "approved" }, origin);

export const decline = (
  actor: Actor,
  projectId: string,
  changeOrderId: string,
  input: z.input<typeof DeclineInput>,
  origin: Origin,
) => decide(actor, projectId, changeOrderId, { ...DeclineInput.parse(input), outcome: "declined" }, origin);

async function decide(
  actor: Actor,
  projectId: string,
  changeOrderId: string,
  choice: { signature: string; reason?: string; outcome: "approved" | "declined" },
  origin: Origin,
): Promise<Info> {
  const user = requireUser(actor);
  const access = await Project.requireWritable(actor, projectId);
  const before = await find(access, changeOrderId, "decide");
  refuseUnless(before, "sent");
  const person = await User.get(user.workspaceId, user.userId);
  if (!signs(choice.signature, person.name))
    throw new VisibleError(
      "change_order.signature_mismatch",
      `Sign with your full name as it is on your account (${person.name}).`,
      422,
    );
  // What the client decided on is what they saw: the files they may see now.
  const { attachments } = await readAs(access.role, access.project, before);
  const now = nowIso();
  const item = await transition(
    before,
    "sent",
    {
      state: choice.outcome,
      decidedBy: user.userId,
      decidedAt: now,
      signature: choice.signature,
      decidedFromIp: origin.ip,
      snapshot: { ...snapshotOf(before), attachments },
      ...(choice.reason ? { declineReason: choice.reason } : {}),
      updatedAt: now,
    },
    today(),
  );
  const verb = choice.outcome === "approved" ? "Approved" : "Declined";
  const info = await told(
    actor,
    access,
    choice.outcome === "approved" ? Events.Approved : Events.Declined,
    item,
    `${verb} change order "${item.title}"`,
    { ip: origin.ip, signature: choice.signature },
  );
  await tellStaff(actor, item);
  return info;
}

/** A change order the access may see and act on (`action`): 404 when invisible, 403 when refused. */
async function find(access: ProjectAccess, changeOrderId: string, action: Action<"change_order">) {
  const { workspaceId, projectId } = access.project;
  const { data } = await ChangeOrderEntity().get({ workspaceId, projectId, changeOrderId }).go();
  if (!data) throw notFound("change order");
  requirePermission(access, "change_order", action, subjectOf(data));
  return data;
}

/**
 * After a write: the event to the project's live subscribers (a draft's to staff only), the
 * activity line (a draft's internal), the audit entry, and the change order as the actor reads it.
 */
async function told(
  actor: Actor,
  access: ProjectAccess,
  definition: (typeof Events)[keyof Omit<typeof Events, "Shown" | "Hidden">],
  item: Item,
  summary: string,
  details: Record<string, unknown> = {},
): Promise<Info> {
  const shared = await readAs("client", access.project, item);
  const about = { subjectType: "change_order" as const, subjectId: item.changeOrderId, summary };
  await Project.announce(actor, item.projectId, definition, shared, about, {
    now: item.clientVisible,
    events: Events,
  });
  await Audit.record(actor, {
    action: definition.name,
    targetType: "change_order",
    targetId: item.changeOrderId,
    summary,
    details: { projectId: item.projectId, state: item.state, costDelta: item.costDelta, ...details },
  });
  // A client reads it as the event told it: no second read of its files.
  return seesInternal(access.role) ? readAs(access.role, access.project, item) : shared;
}
