// A project and everything in it: assignments, tasks, messages, files and activity.
import type { File } from "@rehome/core/file";
import type { Message } from "@rehome/core/message";
import type { Project } from "@rehome/core/project";
import type { Task } from "@rehome/core/task";
import type * as z from "zod";
import { type Request, seg } from "../http";
import type {
  ActivityInfo,
  Assignment,
  FileDownload,
  FileInfo,
  List,
  MessageInfo,
  Page,
  PageQuery,
  ProjectInfo,
  ProjectStanding,
  TaskInfo,
  UploadTicket,
} from "../types";

type TaskQuery = Omit<z.input<typeof Task.ListInput>, "limit"> & { limit?: number };
const project = (id: string) => `/api/projects/${seg(id)}`;

export const projects = (request: Request) => ({
  projects: {
    list: (query?: PageQuery) => request<Page<ProjectInfo>>("GET", "/api/projects", undefined, query),
    get: (id: string) => request<ProjectInfo>("GET", project(id)),
    /** Where each project of `list()` stands for you; `today` is your own day (YYYY-MM-DD). */
    standing: (today: string) =>
      request<List<ProjectStanding>>("GET", "/api/projects/standing", undefined, { today }),
    create: (input: z.input<typeof Project.CreateInput>) =>
      request<ProjectInfo>("POST", "/api/projects", input),
    /** Edit, archive (`status: "archived"`) or unarchive; admins. */
    update: (id: string, input: z.input<typeof Project.UpdateInput>) =>
      request<ProjectInfo>("PATCH", project(id), input),
  },
  assignments: {
    list: (projectId: string) => request<List<Assignment>>("GET", `${project(projectId)}/assignments`),
    /** Assigns a person, or changes their role on the project; admins. */
    set: (projectId: string, userId: string, input: z.input<typeof Project.AssignInput>) =>
      request<Assignment>("PUT", `${project(projectId)}/assignments/${seg(userId)}`, input),
    remove: (projectId: string, userId: string) =>
      request<void>("DELETE", `${project(projectId)}/assignments/${seg(userId)}`),
  },
  tasks: {
    /** Board order; filters: `status`, `assignee` (id, `me`, `none`), `label`, `overdue`. */
    list: (projectId: string, query?: TaskQuery) =>
      request<Page<TaskInfo>>("GET", `${project(projectId)}/tasks`, undefined, query),
    get: (projectId: string, taskId: string) =>
      request<TaskInfo>("GET", `${project(projectId)}/tasks/${seg(taskId)}`),
    create: (projectId: string, input: z.input<typeof Task.CreateInput>) =>
      request<TaskInfo>("POST", `${project(projectId)}/tasks`, input),
    /** Partial update; a change of status or position is a move. */
    update: (projectId: string, taskId: string, input: z.input<typeof Task.UpdateInput>) =>
      request<TaskInfo>("PATCH", `${project(projectId)}/tasks/${seg(taskId)}`, input),
    remove: (projectId: string, taskId: string) =>
      request<void>("DELETE", `${project(projectId)}/tasks/${seg(taskId)}`),
  },
  messages: {
    /** Newest first. */
    list: (projectId: string, query?: PageQuery) =>
      request<Page<MessageInfo>>("GET", `${project(projectId)}/messages`, undefined, query),
    send: (projectId: string, input: z.input<typeof Message.MessageInput>) =>
      request<MessageInfo>("POST", `${project(projectId)}/messages`, input),
    /** Your own body, within the edit window; or its visibility to clients (staff). */
    edit: (projectId: string, messageId: string, input: z.input<typeof Message.EditInput>) =>
      request<MessageInfo>("PATCH", `${project(projectId)}/messages/${seg(messageId)}`, input),
    remove: (projectId: string, messageId: string) =>
      request<void>("DELETE", `${project(projectId)}/messages/${seg(messageId)}`),
  },
  files: {
    /** Checked files, newest first. */
    list: (projectId: string, query?: PageQuery) =>
      request<Page<FileInfo>>("GET", `${project(projectId)}/files`, undefined, query),
    /** Step 1: a pending file and the presigned POST to send its bytes straight to storage. */
    createUpload: (projectId: string, input: z.input<typeof File.UploadInput>) =>
      request<UploadTicket>("POST", `${project(projectId)}/files`, input),
    /** Step 2: the server checks size and content, then lists the file. */
    complete: (projectId: string, fileId: string) =>
      request<FileInfo>("POST", `${project(projectId)}/files/${seg(fileId)}/complete`),
    /** A short-lived download link. */
    download: (projectId: string, fileId: string) =>
      request<FileDownload>("GET", `${project(projectId)}/files/${seg(fileId)}/download`),
    remove: (projectId: string, fileId: string) =>
      request<void>("DELETE", `${project(projectId)}/files/${seg(fileId)}`),
    /** Marks a file internal or client-visible (staff). */
    update: (projectId: string, fileId: string, input: z.input<typeof File.UpdateInput>) =>
      request<FileInfo>("PATCH", `${project(projectId)}/files/${seg(fileId)}`, input),
  },
  activity: {
    /** Newest first. */
    list: (projectId: string, query?: PageQuery) =>
      request<Page<ActivityInfo>>("GET", `${project(projectId)}/activity`, undefined, query),
  },
});
