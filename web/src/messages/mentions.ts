// @mentions while typing: the partial name before the caret, completing it, and finding the
// mentions in a posted body to highlight them. The server decides who is notified.
import type { Person } from "../hooks/useMembers";

/** The text after an `@` that starts a word and runs to the caret, if the caret is in one. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && /[\p{L}\p{N}_.]/u.test(before.charAt(at - 1)))) return undefined;
  const query = before.slice(at + 1);
  // A mention is a name: at most a few words, no line breaks.
  if (/\n/.test(query) || query.split(" ").length > 3) return undefined;
  return { start: at, query };
}

/** People whose name (or any word of it) starts with what was typed. */
export const suggestions = (people: Person[], query: string) => {
  const q = query.toLowerCase();
  const fits = (p: Person) =>
    p.name.toLowerCase().startsWith(q) ||
    p.name
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(q));
  return people.filter(fits).slice(0, 6);
};

/** Replaces the partial mention with `@Full Name ` and says where the caret goes. */
export function complete(text: string, mention: { start: number; query: string }, person: Person) {
  const inserted = `@${person.name} `;
  const end = mention.start + 1 + mention.query.length;
  return {
    text: text.slice(0, mention.start) + inserted + text.slice(end),
    caret: mention.start + inserted.length,
  };
}

/** Splits a body into text and `@Name` parts for the people it mentions. */
export function withMentions(body: string, mentioned: Person[]): { text: string; mention?: boolean }[] {
  // Full names first, so "@Tom Team" is one mention rather than "@Tom" and " Team".
  const names = [...new Set(mentioned.flatMap((p) => [p.name, p.name.split(/\s+/)[0] ?? ""]))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return [{ text: body }];
  // With one capture group, split puts each mention at an odd index.
  const parts = body.split(new RegExp(`(@(?:${names.map(escape).join("|")}))`, "iu"));
  return parts.map((text, i) => (i % 2 ? { text, mention: true } : { text })).filter((part) => part.text);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
