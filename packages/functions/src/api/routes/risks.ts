// Risks & Blockers (admins of the workspace): the risks now with the assistant's notes, and a
// refresh of those notes, written by the agent worker and announced as `agent.risks.ready`.
import { createRoute, z } from "@hono/zod-openapi";
import { Risks } from "@rehome/core/risks";
import { router } from "../context";
import { bearer, errors, Id, json } from "../openapi";

const params = z.object({ workspace: Id });

export const risks = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/workspaces/{workspace}/risks",
      tags: ["Agent"],
      security: bearer,
      request: { params },
      responses: { 200: json(Risks.Report, "Blocked and overdue tasks and projects at risk"), ...errors },
    }),
    async (c) => c.json(await Risks.report(c.get("actor"), c.req.valid("param").workspace), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/workspaces/{workspace}/risks",
      tags: ["Agent"],
      security: bearer,
      request: { params },
      responses: { 202: json(Risks.Queued, "The assistant's new report is being written"), ...errors },
    }),
    async (c) => c.json(await Risks.refresh(c.get("actor"), c.req.valid("param").workspace), 202),
  );
