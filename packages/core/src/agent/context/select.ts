// Turns what the asker may read into the context of one question: masks contact details the
// reader may not see, ranks each share and keeps whole items within the budget. Pure, so the
// budget and masking rules are unit-tested without a table; it never widens what it is given.
import type { Activity } from "../../activity";
import type { File } from "../../file";
import type { Message } from "../../message";
import type { Project } from "../../project";
import type { SiteLog } from "../../site-log";
import type { Task } from "../../task";
import { allocate, type Budget, estimateTokens } from "./budget";
import { maskContacts } from "./mask";
import { rankMeta, rankTasks, rankWritten } from "./rank";
import { metaLine, taskLine, writtenLine } from "./render";
import type { AgentContext, ContextFile, ContextMessage, ContextProject, ContextSiteLog } from "./types";

/** Everything the reader's policy let the builder read, unmasked and unranked. */
export interface Readable {
  scope: { kind: "project"; projectId: string } | { kind: "workspace" };
  projects: Project.Info[];
  tasks: Task.Info[];
  messages: Message.Info[];
  siteLogs: SiteLog.Info[];
  files: File.Info[];
  activity: Activity.Info[];
  /** userId -> name, for assignees, uploaders and mentions. */
  people: Map<string, string>;
}

export interface Reader {
  id: string;
  name: string;
  maySeeContacts: boolean;
}

export function select(readable: Readable, reader: Reader, budget: Budget, now = new Date()): AgentContext {
  const mask = reader.maySeeContacts ? (text: string) => text : maskContacts;
  const name = (userId: string | null) => (userId ? (readable.people.get(userId) ?? null) : null);
  const projectNames = new Map(readable.projects.map((p) => [p.id, mask(p.name)]));
  const projectName = (id: string) => projectNames.get(id) ?? "";
  const moved = statusChanges(readable.activity);

  const tasks = rankTasks(
    readable.tasks.map((t) => ({
      ...t,
      title: mask(t.title),
      description: mask(t.description),
      projectName: projectName(t.projectId),
      assigneeName: name(t.assigneeId),
      statusChangedAt: moved.get(t.id) ?? null,
    })),
    reader.id,
    now,
  );
  const written = rankWritten(
    readable.messages.map((m) => ({
      id: m.id,
      projectId: m.projectId,
      projectName: projectName(m.projectId),
      authorId: m.authorId,
      authorName: m.authorName,
      body: mask(m.body),
      mentionNames: m.mentions.map(name).filter((n): n is string => n !== null),
      mentionsAsker: m.mentions.includes(reader.id),
      createdAt: m.createdAt,
    })),
    readable.siteLogs.map((l) => ({
      id: l.id,
      projectId: l.projectId,
      projectName: projectName(l.projectId),
      date: l.date,
      weather: mask(l.weather),
      crew: l.crew.map(mask),
      workDone: mask(l.workDone),
      delays: mask(l.delays),
      delayCause: l.delayCause,
      photoCount: l.photos.length,
      writtenBy: l.updatedByName,
      updatedAt: l.updatedAt,
    })),
  );
  const meta = rankMeta(
    readable.projects.map((p) => ({
      id: p.id,
      name: projectName(p.id),
      description: mask(p.description),
      status: p.status,
      updatedAt: p.updatedAt,
    })),
    readable.files.map((f) => ({
      id: f.id,
      projectId: f.projectId,
      projectName: projectName(f.projectId),
      name: mask(f.name),
      contentType: f.contentType,
      size: f.size,
      uploadedByName: name(f.uploadedBy) ?? "someone",
      createdAt: f.createdAt,
    })),
  );

  // Each line costs its tokens plus the newline that ends it.
  const cost = (line: string) => estimateTokens(line) + 1;
  const { counts, spent } = allocate(
    {
      messages: written.map((w) => cost(writtenLine(w))),
      tasks: tasks.map((t) => cost(taskLine(t))),
      meta: meta.map((m) => cost(metaLine(m))),
    },
    budget,
  );
  const kept = {
    tasks: tasks.slice(0, counts.tasks),
    written: written.slice(0, counts.messages),
    meta: meta.slice(0, counts.meta),
  };
  const messages: ContextMessage[] = [];
  const siteLogs: ContextSiteLog[] = [];
  for (const w of kept.written) {
    if (w.kind === "message") messages.push(w.item);
    else siteLogs.push(w.item);
  }
  const projects: ContextProject[] = [];
  const files: ContextFile[] = [];
  for (const m of kept.meta) {
    if (m.kind === "project") projects.push(m.item);
    else files.push(m.item);
  }

  return {
    asker: { id: reader.id, name: reader.name },
    scope:
      readable.scope.kind === "project"
        ? { kind: "project", name: projectName(readable.scope.projectId) }
        : { kind: "workspace" },
    projects,
    tasks: kept.tasks,
    messages,
    siteLogs,
    files,
    used: [
      ...projects.map((p) => `project:${p.id}`),
      ...kept.tasks.map((t) => `task:${t.id}`),
      ...messages.map((m) => `message:${m.id}`),
      ...siteLogs.map((l) => `sitelog:${l.id}`),
      ...files.map((f) => `file:${f.id}`),
    ],
    spent,
    today: now.toISOString().slice(0, 10),
  };
}

/** taskId -> when it last changed status, from the activity log read. */
function statusChanges(activity: Activity.Info[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const entry of activity) {
    // `task.moved` is also a reorder within a column; only a status change reads "Moved … to …".
    if (entry.action !== "task.moved" || !entry.summary.startsWith("Moved ")) continue;
    const seen = latest.get(entry.subjectId);
    if (!seen || entry.createdAt > seen) latest.set(entry.subjectId, entry.createdAt);
  }
  return latest;
}
