// Digests: a project's daily digests (its participants) and the weekly rollups (admins).
import { createRoute, z } from "@hono/zod-openapi";
import { Summary } from "@rehome/core/summary";
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
  );
