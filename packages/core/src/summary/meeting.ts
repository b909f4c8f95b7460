// Meeting summaries: staff paste a meeting's notes, the agent worker writes the decisions and the
// proposed action items, and a proposed task exists only once a person confirms it, created as
// that person. Notes are staff material: the summary is for staff only.
import { z } from "zod";
import type { Actor } from "../actor";
import { enqueue } from "../agent/job";
import { Budget } from "../budget";
import { conflict, notFound } from "../error";
import { projectAccess, requirePermission, requireUser, workspaceOf } from "../policy";
import { Project } from "../project";
import { Task } from "../task";
import { createId, nowIso } from "../util";
import { dayWords } from "../words";
import { SummaryEntity } from "./entity";
import { type Info, type Proposal, writeForAudiences } from "./summary";

export const MeetingInput = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    notes: z.string().trim().min(1).max(20_000),
  })
  .strict()
  .meta({ id: "MeetingNotesInput" });

export const Queued = z.object({ summaryId: z.string() }).meta({ id: "QueuedMeetingSummary" });

/** The prompts start with these words, so the offline provider knows them; the notes follow. */
export const DECISIONS = "Meeting decisions";
export const ACTION_ITEMS = "Meeting action items";
const ASK_ITEMS = `${ACTION_ITEMS}: list each proposed task on its own line starting with "- ".`;

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

/** Writes the meeting summary (agent worker); a redelivered job finds it written. */
export function writeMeeting(
  workspaceId: string,
  projectId: string,
  summaryId: string,
  meeting: { title: string | null; notes: string },
): Promise<Info> {
  const fenced = `\n\nThe notes, as pasted:\n"""\n${meeting.notes}\n"""`;
  return writeForAudiences(workspaceId, projectId, summaryId, {
    kind: "meeting",
    prompts: [`${DECISIONS}.${fenced}`, `${ASK_ITEMS}${fenced}`],
    title: async (_, project) =>
      `Meeting${meeting.title ? ` “${meeting.title}”` : ""} — ${dayWords(nowIso())} — ${project.name}`,
    once: true,
    audiences: ["staff"],
    proposalsOf,
  });
}

const MAX_PROPOSALS = 20;

/** The "- " lines after the action items heading (the last section the summary writes). */
export function proposalsOf(content: string): Proposal[] {
  const at = content.toLowerCase().lastIndexOf("action items");
  if (at < 0) return [];
  return content
    .slice(at)
    .split("\n")
    .map((line) => /^\s*[-*]\s+(.+)$/.exec(line)?.[1]?.trim())
    .filter((title): title is string => Boolean(title))
    .map((title) => ({ title: title.replace(/\*\*/g, "").slice(0, 200), taskId: null }))
    .slice(0, MAX_PROPOSALS);
}

/**
 * Creates the proposed task as the confirming person (so the permission table and the activity
 * log see them). The proposal is claimed first, so two clicks never make two tasks.
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
  const mark = (taskId: string | null) => proposals.map((p, i) => (i === index ? { ...p, taskId } : p));
  const claimed = await SummaryEntity()
    .patch(key)
    .set({ proposals: mark("confirming") })
    .where(({ proposals: stored }, { eq }) => eq(stored, proposals))
    .go()
    .then(
      () => true,
      () => false,
    );
  if (!claimed) throw conflict("proposal.confirmed", "This proposed task is being confirmed already.");
  try {
    const task = await Task.create(actor, projectId, { title: proposal.title });
    await SummaryEntity()
      .patch(key)
      .set({ proposals: mark(task.id) })
      .go();
    return task;
  } catch (error) {
    await SummaryEntity()
      .patch(key)
      .set({ proposals: mark(null) })
      .go();
    throw error;
  }
}
