// Citations in answers (`[task:ID]`, `[message:ID]`) become links to what they cite, so a
// reader can check the claim. Targets the SPA cannot open yet stay plain labels.

export type CitationTarget = (kind: "task" | "message", id: string) => string | undefined;

const CITATION = /\[(task|message):([A-Za-z0-9_-]+)\]/g;

/** Rewrites citations as markdown links (or plain text) before rendering. */
export const linkCitations = (markdown: string, target: CitationTarget) =>
  markdown.replace(CITATION, (_, kind: "task" | "message", id: string) => {
    const href = target(kind, id);
    return href ? `[↗ ${kind}](${href})` : `(${kind})`;
  });

/** Citations of one project's agent: tasks open in its board drawer, messages in its thread. */
export const projectCitations =
  (projectId: string): CitationTarget =>
  (kind, id) =>
    kind === "task"
      ? `/projects/${projectId}/board?task=${id}`
      : `/projects/${projectId}/messages?message=${id}`;
