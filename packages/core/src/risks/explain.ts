// The assistant's half of Risks & Blockers: one question listing every risk by id, asked over the
// workspace's scoped context, and its answer read back into one short note per risk. Item text
// goes in as quoted data with its brackets neutralised, so a title can never pose as a risk id.
import type { AgentContext } from "../agent/context";
import { citationsOf } from "../agent/finish";
import type { Risk } from "./info";

/** The question starts with these words, so the offline provider knows it; the list follows. */
export const RISKS_PROMPT = "Risks and blockers";

/** The assistant's note on one risk. */
export interface Note {
  text: string;
  citations: string[];
}

/**
 * Risks one report asks about: a note is some 40 tokens, so 30 of them leave room within the
 * default AI_MAX_TOKENS. The few workspace-wide ones (budget, projects) go first.
 */
const MAX_ASKED = 30;
const ASK_ORDER: Risk["kind"][] = ["budget", "project", "blocked", "overdue"];

export function question(risks: Risk[]): string {
  const asked = [...risks]
    .sort((a, b) => ASK_ORDER.indexOf(a.kind) - ASK_ORDER.indexOf(b.kind))
    .slice(0, MAX_ASKED);
  const lines = asked.map((r) => `- [${r.id}] ${r.reason} — ${describe(r)}`).join("\n");
  return (
    `${RISKS_PROMPT}: for each risk listed below write one line that starts with "- " and the risk's id ` +
    `in brackets, then one or two short sentences on why it matters and what would move it forward. ` +
    `Use only the workspace data you were given and cite the tasks and messages you rely on as ` +
    `[task:ID] or [message:ID].\n\nThe risks, as computed from the data:\n"""\n${lines}\n"""`
  );
}

const describe = (r: Risk) =>
  r.kind === "budget"
    ? flat(r.title)
    : r.taskId
      ? `task “${flat(r.title)}” in project “${flat(r.projectName ?? "")}”`
      : `project “${flat(r.title)}”`;

/** One line of quoted text: no brackets (no fake ids or citations), no line breaks (no fake list items). */
const flat = (text: string) => text.replace(/\s+/g, " ").replace(/\[/g, "(").replace(/\]/g, ")").trim();

const LINE = /^\s*[-*]\s*\**\[((?:task|project|budget):[A-Za-z0-9_-]+)\]\**\s*[:\-–—]?\s*(.+)$/;
const CITATION = /\s*\[(?:task|message|file|project):[A-Za-z0-9_-]+\]/g;

/**
 * The answer's note on each listed risk, by risk id. A risk the answer left out has none; what the
 * answer cites outside the context (or invents) is dropped, and the risk's own task is always cited.
 */
export function notesOf(content: string, risks: Risk[], context: AgentContext): Record<string, Note> {
  const listed = new Map(risks.map((r) => [r.id, r]));
  const valid = new Set(citationsOf(content, context).citations);
  const notes: Record<string, Note> = {};
  for (const line of content.split("\n")) {
    const [, id = "", rest = ""] = LINE.exec(line) ?? [];
    const risk = listed.get(id);
    const text = rest.replace(CITATION, "").replace(/\s+/g, " ").trim();
    if (!risk || !text || notes[id]) continue;
    const cited = [...rest.matchAll(CITATION)]
      .map((m) => m[0].trim().slice(1, -1))
      .filter((c) => valid.has(c));
    const own = risk.taskId ? [`task:${risk.taskId}`] : [];
    notes[id] = { text, citations: [...new Set([...own, ...cited])] };
  }
  return notes;
}
