// Markdown cut off mid-way (an answer still streaming, or one stopped) reads as if finished:
// an open code fence, code span, bold, italic or strike is closed where the text ends, and a
// citation still being written is left out, so no stray `**` or `[task:ab` shows.

/** Where each inline marker was last opened, if the text leaves it open. */
function openMarkers(text: string): { marker: string; at: number }[] {
  const open: { marker: string; at: number }[] = [];
  const code = text.match(/`/g)?.length ?? 0;
  if (code % 2) open.push({ marker: "`", at: text.lastIndexOf("`") });
  // Emphasis inside code spans is literal; list bullets are not emphasis.
  const prose = text
    .replace(/`[^`]*`?/g, (span) => " ".repeat(span.length))
    .replace(/^(\s*)[*+-] /gm, "$1  ");
  for (const marker of ["**", "~~"]) {
    const count = prose.split(marker).length - 1;
    if (count % 2) open.push({ marker, at: prose.lastIndexOf(marker) });
  }
  const single = prose.replace(/\*\*/g, "  ");
  if ((single.match(/\*/g)?.length ?? 0) % 2) open.push({ marker: "*", at: single.lastIndexOf("*") });
  return open.sort((a, b) => b.at - a.at);
}

export function settle(markdown: string): string {
  // A half-written citation at the very end: `[`, `[tas`, `[task:ab`.
  const text = markdown.replace(/\[[a-z]*(?::[A-Za-z0-9_-]*)?$/, "");
  const fences = text.match(/^\s*```/gm)?.length ?? 0;
  if (fences % 2) return `${text}\n\`\`\``;
  // Only the text after the last fence can still be open.
  const fence = text.lastIndexOf("```");
  const tail = fence < 0 ? text : text.slice(fence + 3);
  const closers = openMarkers(tail.trimEnd()).map((m) => m.marker);
  return closers.length ? `${text.trimEnd()}${closers.join("")}` : text;
}
