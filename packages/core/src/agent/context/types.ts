// The shape of a scoped context: what the agent may read for one question, already masked and
// within budget. Plain data made by the builder; providers only read it, never query.
import type { Task } from "../../task";
import type { Share } from "./budget";

export interface ContextProject {
  id: string;
  name: string;
  description: string;
  status: "active" | "archived";
  updatedAt: string;
}

export interface ContextTask extends Task.Info {
  projectName: string;
  assigneeName: string | null;
  /** When the task last moved to another status (from the activity log), if recently. */
  statusChangedAt: string | null;
}

export interface ContextMessage {
  id: string;
  projectId: string;
  projectName: string;
  authorId: string;
  authorName: string;
  body: string;
  mentionNames: string[];
  mentionsAsker: boolean;
  createdAt: string;
}

/** A day's site log as the asker may read it (a client's context holds shared days only). */
export interface ContextSiteLog {
  id: string;
  projectId: string;
  projectName: string;
  date: string;
  weather: string;
  crew: string[];
  workDone: string;
  delays: string;
  delayCause: string | null;
  photoCount: number;
  writtenBy: string;
  updatedAt: string;
}

export interface ContextFile {
  id: string;
  projectId: string;
  projectName: string;
  name: string;
  contentType: string;
  size: number;
  uploadedByName: string;
  createdAt: string;
}

export interface AgentContext {
  asker: { id: string; name: string };
  scope: { kind: "project"; name: string } | { kind: "workspace" };
  projects: ContextProject[];
  tasks: ContextTask[];
  messages: ContextMessage[];
  /** Site logs share the messages' budget with them: both are what people wrote, newest first. */
  siteLogs: ContextSiteLog[];
  files: ContextFile[];
  /** Ids of every item included (`task:ID`, `message:ID`, `sitelog:ID`, `file:ID`, `project:ID`): the run's context_used. */
  used: string[];
  /** Tokens each share spent, as estimated on the rendered lines. */
  spent: Record<Share, number>;
  today: string;
}
