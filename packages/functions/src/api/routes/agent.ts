// The agent: threads per project (participants) or workspace-wide (admins), renamed or archived
// by their author, questions that start a streamed answer, the thread's messages with partial
// content, and cancel.
import { createRoute, z } from "@hono/zod-openapi";
import { Agent } from "@rehome/core/agent";
import { router } from "../context";
import { bearer, ErrorSchema, errors, Id, json, jsonBody } from "../openapi";

const ProjectParams = z.object({ project: Id });
const ThreadParams = z.object({ thread: Id });
const RunParams = z.object({ run: Id });
const Threads = z.object({ items: z.array(Agent.Thread) });
const Messages = z.object({ items: z.array(Agent.AgentMessage) });

export const agent = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{project}/agent/threads",
      tags: ["Agent"],
      security: bearer,
      request: { params: ProjectParams, ...jsonBody(Agent.CreateThreadInput) },
      responses: { 201: json(Agent.Thread, "Created"), ...errors },
    }),
    async (c) =>
      c.json(
        await Agent.createForProject(c.get("actor"), c.req.valid("param").project, c.req.valid("json")),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{project}/agent/threads",
      tags: ["Agent"],
      security: bearer,
      request: { params: ProjectParams, query: Agent.ListThreadsInput },
      responses: {
        200: json(
          Threads,
          "Your open threads of the project (archived ones with ?archived=true), newest first",
        ),
        ...errors,
      },
    }),
    async (c) =>
      c.json(
        await Agent.listForProject(c.get("actor"), c.req.valid("param").project, c.req.valid("query")),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/agent/threads",
      tags: ["Agent"],
      security: bearer,
      request: jsonBody(Agent.CreateThreadInput),
      responses: { 201: json(Agent.Thread, "Created (admin agent, workspace-wide)"), ...errors },
    }),
    async (c) => c.json(await Agent.createForWorkspace(c.get("actor"), c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/agent/threads",
      tags: ["Agent"],
      security: bearer,
      request: { query: Agent.ListThreadsInput },
      responses: {
        200: json(Threads, "Your open workspace-wide admin threads (archived ones with ?archived=true)"),
        ...errors,
      },
    }),
    async (c) => c.json(await Agent.listForWorkspace(c.get("actor"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/agent/threads/{thread}",
      tags: ["Agent"],
      security: bearer,
      request: { params: ThreadParams },
      responses: { 200: json(Agent.Thread, "The thread"), ...errors },
    }),
    async (c) => c.json(await Agent.getThread(c.get("actor"), c.req.valid("param").thread), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/agent/threads/{thread}",
      tags: ["Agent"],
      security: bearer,
      request: { params: ThreadParams, ...jsonBody(Agent.UpdateThreadInput) },
      responses: { 200: json(Agent.Thread, "Renamed, archived or restored (its author only)"), ...errors },
    }),
    async (c) =>
      c.json(await Agent.updateThread(c.get("actor"), c.req.valid("param").thread, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/agent/threads/{thread}/messages",
      tags: ["Agent"],
      security: bearer,
      request: { params: ThreadParams },
      responses: {
        200: json(Messages, "Messages, oldest first; a streaming answer has its checkpoint and lastSeq"),
        ...errors,
      },
    }),
    async (c) => c.json(await Agent.messages(c.get("actor"), c.req.valid("param").thread), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/agent/threads/{thread}/messages",
      tags: ["Agent"],
      security: bearer,
      request: { params: ThreadParams, ...jsonBody(Agent.AskInput) },
      responses: {
        202: json(Agent.Asked, "Queued: the answer streams on private-agent-threads.{thread}"),
        ...errors,
        409: json(ErrorSchema, "The thread is archived (agent.thread_archived): restore it first"),
        503: json(
          ErrorSchema,
          "The assistant is off (agent.disabled) or its provider keeps failing (agent.unavailable, with Retry-After)",
        ),
      },
    }),
    async (c) =>
      c.json(await Agent.ask(c.get("actor"), c.req.valid("param").thread, c.req.valid("json")), 202),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/agent/runs/{run}/cancel",
      tags: ["Agent"],
      security: bearer,
      request: { params: RunParams },
      responses: { 202: json(Agent.AgentRun, "Cancel requested"), ...errors },
    }),
    async (c) => c.json(await Agent.cancel(c.get("actor"), c.req.valid("param").run), 202),
  );
