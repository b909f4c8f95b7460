// What staff and clients send about a change order: the fields of a draft (create, edit) and the
// signed decisions; the one schema of validation, OpenAPI and the typed client.
import * as z from "zod";
import { PageInput } from "../db";

const FileId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id.");
/** Minor units (cents): a billion in major units either way is beyond any renovation. */
const Money = z.number().int().min(-100_000_000_000).max(100_000_000_000);

const Fields = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000),
  reason: z.string().max(2_000),
  /** Minor units of the currency; negative for a credit. */
  costDelta: Money,
  /** Days the change adds to the schedule (negative: days it saves). */
  scheduleDeltaDays: z.number().int().min(-3650).max(3650),
  /** Ids of ready, client-visible files of the project. */
  attachments: z.array(FileId).max(20),
  /** YYYY-MM-DD: the client may decide through this day (UTC). */
  decisionDue: z.iso.date(),
  /** Staff only; never shown to clients. */
  internalNote: z.string().max(5_000),
});

export const CreateInput = Fields.partial({
  description: true,
  reason: true,
  scheduleDeltaDays: true,
  attachments: true,
  internalNote: true,
})
  .strict()
  .meta({ id: "CreateChangeOrderInput" });

export const UpdateInput = Fields.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Give at least one field to change.")
  .meta({ id: "UpdateChangeOrderInput" });

const Signature = z.string().trim().min(1).max(200);
export const ApproveInput = z
  .object({ /** Your full name, as on your account. */ signature: Signature })
  .strict()
  .meta({ id: "ApproveChangeOrderInput" });
export const DeclineInput = z
  .object({ signature: Signature, reason: z.string().trim().max(2_000).optional() })
  .strict()
  .meta({ id: "DeclineChangeOrderInput" });

export const ListInput = PageInput;
