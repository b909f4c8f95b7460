// Citations in answers and digests (`[task:ID]`, `[message:ID]`) become links to what they cite,
// so a reader can check the claim. The server names the project of every citation the context
// held (`citedProjects`); anything else, such as an id the model made up, stays a plain label.

const CITATION = /\[(task|message):([A-Za-z0-9_-]+)\]/g;

/** Where a cited task (the board's drawer) or message (the project's thread) opens. */
const hrefOf = (kind: "task" | "message", id: string, projectId: string) =>
  kind === "task"
    ? `/projects/${projectId}/board?task=${id}`
    : `/projects/${projectId}/messages?message=${id}`;

/** Rewrites citations as markdown links (or plain text) before rendering. */
export const linkCitations = (markdown: string, citedProjects: Record<string, string>) =>
  markdown.replace(CITATION, (_, kind: "task" | "message", id: string) => {
    const projectId = citedProjects[`${kind}:${id}`];
    return projectId ? `[↗ ${kind}](${hrefOf(kind, id, projectId)})` : `(${kind})`;
  });
