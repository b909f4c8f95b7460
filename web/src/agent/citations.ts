// Citations in answers and digests (`[task:ID]`, `[message:ID]`, `[sitelog:ID]`) become links to what they cite,
// so a reader can check the claim. The server names the project of every citation the context
// held (`citedProjects`); anything else, such as an id the model made up, stays a plain label.

const CITATION = /\[(task|message|sitelog):([A-Za-z0-9_-]+)\]/g;
type Kind = "task" | "message" | "sitelog";

/** Where a cited task (the board's drawer), message (the project's thread) or day's log opens. */
const hrefOf = (kind: Kind, id: string, projectId: string) =>
  kind === "task"
    ? `/projects/${projectId}/board?task=${id}`
    : kind === "message"
      ? `/projects/${projectId}/messages?message=${id}`
      : `/projects/${projectId}/site-log`;
const LABELS: Record<Kind, string> = { task: "task", message: "message", sitelog: "site log" };

/** Rewrites citations as markdown links (or plain text) before rendering. */
export const linkCitations = (markdown: string, citedProjects: Record<string, string>) =>
  markdown.replace(CITATION, (_, kind: Kind, id: string) => {
    const projectId = citedProjects[`${kind}:${id}`];
    return projectId ? `[↗ ${LABELS[kind]}](${hrefOf(kind, id, projectId)})` : `(${LABELS[kind]})`;
  });
