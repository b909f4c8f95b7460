// Meeting summaries: staff paste a meeting's notes, the agent worker writes the decisions and the
// proposed action items, and a proposed task exists only once a person confirms it, created as
// that person. Notes are staff material: the summary is for staff only.
import * as z from "zod";
import type { Actor } from "../actor";
import { enqueue } from "../agent/job";
import { Budget } from "../budget";
import { conditionFailed } from "../db";
import { conflict, notFound } from "../error";
import { projectAccess, requirePermission, requireUser, workspaceOf } from "../policy";
import { Project } from "../project";
import { Task } from "../task";
import { createId } from "../util";
import { SummaryEntity } from "./entity";
import type { Proposal } from "./summary";

export const MeetingInput = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    notes: z.string().trim().min(1).max(20_000),
  })
  .strict()
  .meta({ id: "MeetingNotesInput" });

export const Queued = z.object({ summaryId: z.string() }).meta({ id: "QueuedMeetingSummary" });

/** Queues the summary of pasted notes. Staff only: the reach of creating tasks in the project. */
export async function summarizeMeeting(
  actor: Actor,
  projectId: string,
  input: z.input<typeof MeetingInput>,
): Promise<z.infer<typeof Queued>> {
  const { title, notes } = MeetingInput.parse(input);
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, "task", "create");
  await Budget.ensureAvailable(requireUser(actor));
  const summaryId = createId();
  const workspaceId = workspaceOf(actor);
  await enqueue({ type: "summary.meeting", workspaceId, projectId, summaryId, title: title ?? null, notes });
  return { summaryId };
}

/** The taskId of a proposal being confirmed: its claim, so two clicks never make two tasks. */
const CONFIRMING = "confirming";

/**
 * Creates the proposed task as the confirming person (so the permission table and the activity
 * log see them). The proposal is claimed first, so two clicks never make two tasks. Every write
 * touches that one proposal's taskId, conditioned on its value, so confirming several proposals
 * at once never undoes another's.
 */
export async function confirmProposal(
  actor: Actor,
  projectId: string,
  summaryId: string,
  index: number,
): Promise<Task.Info> {
  requirePermission(await projectAccess(actor, projectId), "task", "create");
  const key = { workspaceId: workspaceOf(actor), scope: projectId, summaryId };
  const { data } = await SummaryEntity().get(key).go();
  const proposals = (data?.kind === "meeting" ? (data.proposals as Proposal[] | undefined) : undefined) ?? [];
  const proposal = proposals[index];
  if (!proposal) throw notFound("proposal");
  if (proposal.taskId) throw conflict("proposal.confirmed", "This proposed task was confirmed already.");
  const claimed = await markProposal(key, index, { from: null, to: CONFIRMING });
  if (!claimed) throw conflict("proposal.confirmed", "This proposed task is being confirmed already.");
  let task: Task.Info;
  try {
    task = await Task.create(actor, projectId, { title: proposal.title });
  } catch (error) {
    await markProposal(key, index, { from: CONFIRMING, to: null });
    throw error;
  }
  await markProposal(key, index, { from: CONFIRMING, to: task.id });
  return task;
}

/**
 * Sets proposal `index`'s taskId to `to` if it is still `from` (null: not confirmed), and only
 * that entry: the rest of the list stays as other writers left it. False if it was not `from`.
 */
async function markProposal(
  key: { workspaceId: string; scope: string; summaryId: string },
  index: number,
  { from, to }: { from: string | null; to: string | null },
): Promise<boolean> {
  try {
    await SummaryEntity()
      .patch(key)
      .data(({ proposals }, { set }) => set(proposals[index].taskId, to))
      .where(({ proposals }, { eq, type }) =>
        from === null ? type(proposals[index].taskId, "NULL") : eq(proposals[index].taskId, from),
      )
      .go();
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
