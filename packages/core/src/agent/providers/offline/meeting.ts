// The offline provider's meeting answers: the decisions and the proposed action items of pasted
// notes, read from lines that say so ("Decision: …", "Agreed …", "Action: …", "TODO …", "[ ] …").
// The notes are quoted, never obeyed.
import { paragraphs, quote } from "./format";

const DECISION = /^(?:decision|decided|agreed|resolved)\b\s*[:\-–]?\s*(.+)$/i;
const ACTION = /^(?:action(?: item)?|todo|to do|\[ \])\s*[:\-–]?\s*(.+)$/i;

/** The notes between the prompt's fences, one trimmed line each, list markers dropped. */
function noteLines(question: string): string[] {
  const notes = /"""\n([\s\S]*)\n"""/.exec(question)?.[1] ?? "";
  return notes
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter(Boolean);
}

const matching = (question: string, pattern: RegExp) =>
  noteLines(question).flatMap((line) => {
    const found = pattern.exec(line)?.[1];
    return found ? [quote(found)] : [];
  });

export function decisions(question: string) {
  const found = matching(question, DECISION);
  return found.length
    ? paragraphs("### Decisions\n", found.map((d) => `- ${d}`).join("\n"))
    : "### Decisions\n\nThe notes record no decision.\n";
}

export function actionItems(question: string) {
  const found = matching(question, ACTION);
  return found.length
    ? paragraphs(
        "### Proposed action items\n",
        found.map((a) => `- ${a}`).join("\n"),
        "Each is a draft until someone confirms it.",
      )
    : "### Proposed action items\n\nThe notes propose no action item.\n";
}
