// How a context reads as quoted data: one JSON line per item inside <project_data>, with `<` and
// `>` escaped so no content can close the block or open a tag of its own. Item costs are measured
// on these same lines, so the budget matches what a provider is sent. Pure.
import { PRIORITY_WORDS, STATUS_WORDS } from "../../words";
import type { MetaItem, Written } from "./rank";
import type {
  AgentContext,
  ContextFile,
  ContextMessage,
  ContextProject,
  ContextSiteLog,
  ContextTask,
} from "./types";

const data = (value: object) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
const orNone = <T>(value: T | null | undefined | "") => value || undefined;

export const taskLine = (t: ContextTask) =>
  data({
    id: t.id,
    project: t.projectName,
    title: t.title,
    description: orNone(t.description),
    // Words, not codes: the model repeats what it reads ("Blocked", not "blocked").
    status: STATUS_WORDS[t.status],
    priority: PRIORITY_WORDS[t.priority],
    assignee: t.assigneeName ?? "unassigned",
    due: orNone(t.dueDate),
    labels: t.labels.length ? t.labels : undefined,
    updated: t.updatedAt,
    statusChanged: orNone(t.statusChangedAt),
  });

export const messageLine = (m: ContextMessage) =>
  data({
    id: m.id,
    project: m.projectName,
    author: m.authorName,
    at: m.createdAt,
    body: m.body,
    mentions: m.mentionNames.length ? m.mentionNames : undefined,
  });

export const siteLogLine = (l: ContextSiteLog) =>
  data({
    id: l.id,
    project: l.projectName,
    day: l.date,
    weather: orNone(l.weather),
    crew: l.crew.length ? l.crew : undefined,
    workDone: orNone(l.workDone),
    delays: orNone(l.delays),
    delayCause: orNone(l.delayCause),
    photos: l.photoCount || undefined,
    writtenBy: l.writtenBy,
  });

export const writtenLine = (w: Written) => (w.kind === "message" ? messageLine(w.item) : siteLogLine(w.item));

export const projectLine = (p: ContextProject) =>
  data({
    id: p.id,
    name: p.name,
    description: orNone(p.description),
    status: p.status,
    updated: p.updatedAt,
  });

export const fileLine = (f: ContextFile) =>
  data({
    id: f.id,
    project: f.projectName,
    name: f.name,
    type: f.contentType,
    bytes: f.size,
    uploadedBy: f.uploadedByName,
    at: f.createdAt,
  });

export const metaLine = (m: MetaItem) => (m.kind === "project" ? projectLine(m.item) : fileLine(m.item));

/** The whole context as the quoted block a provider passes to the model. */
export function renderContext(c: AgentContext): string {
  const section = (name: string, lines: string[]) =>
    `<${name}>\n${lines.map((l) => `${l}\n`).join("")}</${name}>`;
  const header = data({
    today: c.today,
    asker: c.asker.name,
    scope: c.scope.kind === "project" ? `project ${c.scope.name}` : "the whole workspace",
  });
  return [
    "<project_data>",
    header,
    section("projects", c.projects.map(projectLine)),
    section("tasks", c.tasks.map(taskLine)),
    section("messages", c.messages.map(messageLine)),
    section("site_log", c.siteLogs.map(siteLogLine)),
    section("files", c.files.map(fileLine)),
    "</project_data>",
  ].join("\n");
}
