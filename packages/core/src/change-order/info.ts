// What a change order looks like outside the table: the one schema of the API, the events and
// the SPA. `expired` is computed on read: a sent change order past its decision day.
import type { EntityItem } from "electrodb";
import * as z from "zod";
import type { Role } from "../actor";
import { readable } from "../permissions";
import { type ChangeOrderEntity, ChangeOrderStates } from "./entity";

export const State = z.enum([...ChangeOrderStates, "expired"]);
export type State = z.infer<typeof State>;

export const Attachment = z
  .object({ id: z.string(), name: z.string() })
  .meta({ id: "ChangeOrderAttachment" });

/** What the client saw and decided on; never changes after the decision. */
export const Snapshot = z
  .object({
    title: z.string(),
    description: z.string(),
    reason: z.string(),
    costDelta: z.number().int(),
    scheduleDeltaDays: z.number().int(),
    attachments: z.array(Attachment),
  })
  .meta({ id: "ChangeOrderSnapshot" });
export type Snapshot = z.infer<typeof Snapshot>;

export const Decision = z
  .object({
    outcome: z.enum(["approved", "declined"]),
    by: z.string(),
    at: z.string(),
    /** The typed full name the client signed with. */
    signature: z.string(),
    /** The address the decision came from, as the API saw it. */
    ip: z.string(),
    reason: z.string().nullable(),
    snapshot: Snapshot,
  })
  .meta({ id: "ChangeOrderDecision" });

export const Info = Snapshot.extend({
  id: z.string(),
  projectId: z.string(),
  decisionDue: z.string(),
  state: State,
  /** Staff only: absent for clients (the permission table's internal fields). */
  internalNote: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentBy: z.string().nullable(),
  sentAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  decision: Decision.nullable(),
}).meta({ id: "ChangeOrder" });
export type Info = z.infer<typeof Info>;

export type Item = EntityItem<ReturnType<typeof ChangeOrderEntity>>;

export const today = () => new Date().toISOString().slice(0, 10);

/** A sent change order past its decision day can no longer be approved. */
export const stateOf = (item: Pick<Item, "state" | "decisionDue">): State =>
  item.state === "sent" && item.decisionDue < today() ? "expired" : item.state;

/** The item as everyone who may see it reads it, internal note included. */
export const toInfo = (item: Item): Info => ({
  id: item.changeOrderId,
  projectId: item.projectId,
  ...snapshotOf(item),
  decisionDue: item.decisionDue,
  state: stateOf(item),
  internalNote: item.internalNote ?? "",
  createdBy: item.createdBy,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
  sentBy: item.sentBy ?? null,
  sentAt: item.sentAt ?? null,
  withdrawnAt: item.withdrawnAt ?? null,
  decision:
    item.decidedAt && (item.state === "approved" || item.state === "declined")
      ? {
          outcome: item.state,
          by: item.decidedBy ?? "",
          at: item.decidedAt,
          signature: item.signature ?? "",
          ip: item.decidedFromIp ?? "",
          reason: item.declineReason ?? null,
          snapshot: Snapshot.parse(item.snapshot),
        }
      : null,
});

/** The change order as someone in `role` may read it. */
export const infoFor = (item: Item, role: Role): Info => readable(role, "change_order", toInfo(item));

/** What the permission table decides on: its author made it; a draft is internal. */
export const subjectOf = (item: Pick<Item, "createdBy" | "clientVisible">) => ({
  createdBy: item.createdBy,
  clientVisible: item.clientVisible,
});

export const snapshotOf = (item: Item): Snapshot => ({
  title: item.title,
  description: item.description ?? "",
  reason: item.reason ?? "",
  costDelta: item.costDelta,
  scheduleDeltaDays: item.scheduleDeltaDays,
  attachments: item.attachments ?? [],
});
