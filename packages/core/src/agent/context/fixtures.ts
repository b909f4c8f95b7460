// Test fixtures: readable project data built in memory, for the unit tests of the context
// builder and of the offline provider. Never imported by product code.
import type { Activity } from "../../activity";
import type { File } from "../../file";
import type { Message } from "../../message";
import type { Project } from "../../project";
import type { SiteLog } from "../../site-log";
import type { Task } from "../../task";
import type { Budget } from "./budget";
import type { Readable, Reader } from "./select";

export const NOW = new Date("2026-06-10T15:00:00.000Z");
export const TODAY = "2026-06-10";
export const BIG_BUDGET: Budget = {
  totalTokens: 1_000_000,
  split: { messages: 0.5, tasks: 0.3, meta: 0.2 },
  reserve: 0.1,
};

/** An ISO time `days` before NOW (fractions allowed), so ages read plainly in tests. */
export const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let next = 0;
const id = (prefix: string) => `${prefix}${String(++next).padStart(4, "0")}`;

export const project = (over: Partial<Project.Info> = {}): Project.Info => ({
  id: "p1",
  workspaceId: "w1",
  name: "Kitchen",
  description: "Full kitchen refit.",
  status: "active",
  clientVisibleByDefault: true,
  budget: null,
  createdAt: ago(30),
  updatedAt: ago(1),
  ...over,
});

export const task = (over: Partial<Task.Info> = {}): Task.Info => ({
  id: id("t"),
  projectId: "p1",
  title: "A task",
  description: "",
  status: "todo",
  position: 1,
  assigneeId: null,
  startDate: null,
  dueDate: null,
  priority: "medium",
  labels: [],
  mentions: [],
  clientVisible: true,
  createdBy: "u-admin",
  createdAt: ago(10),
  updatedAt: ago(5),
  ...over,
});

export const message = (over: Partial<Message.Info> = {}): Message.Info => ({
  id: id("m"),
  projectId: "p1",
  authorId: "u-team",
  authorName: "Tom Team",
  body: "A message.",
  mentions: [],
  attachments: [],
  clientVisible: true,
  createdAt: ago(2),
  editedAt: null,
  ...over,
});

export const siteLog = (over: Partial<SiteLog.Info> = {}): SiteLog.Info => ({
  id: id("l"),
  projectId: "p1",
  date: TODAY,
  weather: "Dry, 14°C",
  crew: ["Tom Team"],
  workDone: "Tiled the splashback.",
  delays: "",
  delayCause: null,
  photos: [],
  clientVisible: true,
  createdBy: "u-team",
  createdAt: ago(0),
  updatedBy: "u-team",
  updatedByName: "Tom Team",
  updatedAt: ago(0),
  ...over,
});

export const file = (over: Partial<File.Info> = {}): File.Info => ({
  id: id("f"),
  projectId: "p1",
  name: "plan.pdf",
  contentType: "application/pdf",
  clientVisible: true,
  size: 1000,
  status: "ready",
  uploadedBy: "u-team",
  createdAt: ago(3),
  ...over,
});

/** The activity line Task.update writes when a task changes status. */
export const moved = (taskId: string, status: string, at: string): Activity.Info => ({
  id: id("a"),
  projectId: "p1",
  actorId: "u-team",
  actorName: null,
  action: "task.moved",
  subjectType: "task",
  subjectId: taskId,
  summary: `Moved "a task" to ${status}`,
  createdAt: at,
});

export const readable = (over: Partial<Readable> = {}): Readable => ({
  scope: { kind: "project", projectId: "p1" },
  projects: [project()],
  tasks: [],
  messages: [],
  siteLogs: [],
  files: [],
  activity: [],
  people: new Map([
    ["u-admin", "Ada Admin"],
    ["u-team", "Tom Team"],
    ["u-client", "Cliff Client"],
  ]),
  ...over,
});

export const reader = (over: Partial<Reader> = {}): Reader => ({
  id: "u-team",
  name: "Tom Team",
  maySeeContacts: true,
  ...over,
});
