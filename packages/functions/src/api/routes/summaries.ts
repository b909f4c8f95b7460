// Summaries: a project's digests (its participants), the weekly rollups (admins, who may also ask
// for this week's now), and meeting summaries staff ask for, whose proposed tasks a person confirms.
import { createRoute, z } from "@hono/zod-openapi";
import { Meeting, Summary } from "@rehome/core/summary";
import { Task } from "@rehome/core/task";
import { router } from "../context";
import { bearer, errors, Id, json } from "../openapi";

const Summaries = z.object({ items: z.array(Summary.Info) });

export const summaries = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{project}/summaries",
      tags: ["Agent"],
      security: bearer,
      request: { params: z.object({ project: Id }) },
      responses: { 200: json(Summaries, "Daily digests, newest first"), ...errors },
    }),
    async (c) => c.json(await Summary.listForProject(c.get("actor"), c.req.valid("param").project), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/workspaces/{workspace}/summaries",
      tags: ["Agent"],
      security: bearer,
      request: { params: z.object({ workspace: Id }) },
      responses: { 200: json(Summaries, "Weekly rollups, newest first"), ...errors },
    }),
    async (c) => c.json(await Summary.listForWorkspace(c.get("actor"), c.req.valid("param").workspace), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/workspaces/{workspace}/summaries",
      tags: ["Agent"],
      security: bearer,
      request: { params: z.object({ workspace: Id }) },
      responses: {
        202: json(z.object({ summaryId: z.string() }), "Queued: this week's rollup is written now"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await Summary.requestWorkspaceRollup(c.get("actor"), c.req.valid("param").workspace), 202),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/meetings",
      tags: ["Agent"],
      security: bearer,
      request: {
        params: z.object({ id: Id }),
        body: { content: { "application/json": { schema: Meeting.MeetingInput } }, required: true },
      },
      responses: { 202: json(Meeting.Queued, "The meeting summary is being written"), ...errors },
    }),
    async (c) =>
      c.json(
        await Meeting.summarizeMeeting(c.get("actor"), c.req.valid("param").id, c.req.valid("json")),
        202,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{project}/summaries/{summary}/proposals/{proposal}/confirm",
      tags: ["Agent"],
      security: bearer,
      request: {
        // The proposal's position in the summary, written plainly: "00" or "1e0" is not an index.
        params: z.object({
          project: Id,
          summary: Id,
          proposal: z.string().regex(/^(0|[1-9][0-9]?)$/, "a proposal number from 0 to 99"),
        }),
      },
      responses: { 201: json(Task.Info, "The task the proposal became"), ...errors },
    }),
    async (c) => {
      const { project, summary, proposal } = c.req.valid("param");
      return c.json(await Meeting.confirmProposal(c.get("actor"), project, summary, Number(proposal)), 201);
    },
  );
