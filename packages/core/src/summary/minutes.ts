// Meeting summaries as the agent worker writes them: the decisions and the proposed action items
// of pasted notes (meeting.ts queues them and confirms a proposal), for staff only.
import { nowIso } from "../util";
import { dayWords } from "../words";
import type { Info, Proposal } from "./summary";
import { writeForAudiences } from "./write";

/** The prompts start with these words, so the offline provider knows them; the notes follow. */
export const DECISIONS = "Meeting decisions";
export const ACTION_ITEMS = "Meeting action items";
const ASK_ITEMS = `${ACTION_ITEMS}: list each proposed task on its own line starting with "- ".`;

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
