// What a draft looks like outside the table: one schema for the API, the asker's live event and
// the SPA. A draft is a proposal only: it holds text and numbers for a person to edit, never an item.
import * as z from "zod";
import { Snapshot } from "../change-order/info";
import { event } from "../event";

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id.");

export const ChangeOrderInput = z
  // The messages of the project to draft from: the ones ticked, or the last N.
  .object({ messageIds: z.array(Id).min(1).max(50) })
  .strict()
  .meta({ id: "DraftChangeOrderInput" });

/** A change order's fields as the assistant proposed them; 0 where the messages name no amount or days. */
export const ChangeOrderProposal = Snapshot.omit({ attachments: true })
  .extend({ costFound: z.boolean(), scheduleFound: z.boolean() })
  .meta({ id: "ChangeOrderProposal" });
export type ChangeOrderProposal = z.infer<typeof ChangeOrderProposal>;

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    kind: z.enum(["change_order", "client_update"]),
    /** `queued` until the assistant wrote it; `failed`: it could not (see `error`), ask again later. */
    status: z.enum(["queued", "written", "failed"]),
    /** A change order's fields as proposed; null for a client update or before it is written. */
    changeOrder: ChangeOrderProposal.nullable(),
    /** A client update's text, ready to post; a change order's answer as written. No citation markers. */
    body: z.string(),
    /** What the draft relies on (`message:ID`, `task:ID`), each among what the assistant was given. */
    citations: z.array(z.string()),
    error: z.string().nullable(),
    createdAt: z.string(),
    writtenAt: z.string().nullable(),
  })
  .meta({ id: "Draft" });
export type Info = z.infer<typeof Info>;

export const Queued = z.object({ draftId: z.string() }).meta({ id: "QueuedDraft" });
export type Queued = z.infer<typeof Queued>;

export const Events = { Ready: event("agent.draft.ready", Info) };
