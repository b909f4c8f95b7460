// A project's activity log (who did what, when) and the workspace's audit log (admins).
import { createRoute, z } from "@hono/zod-openapi";
import { Activity } from "@rehome/core/activity";
import { Audit } from "@rehome/core/audit";
import { PageInput } from "@rehome/core/db";
import { router } from "../context";
import { bearer, errors, Id, json, page } from "../openapi";

export const activity = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/activity",
      tags: ["Activity"],
      security: bearer,
      request: { params: z.object({ id: Id }), query: PageInput },
      responses: { 200: json(page(Activity.Info), "The project's activity, newest first"), ...errors },
    }),
    async (c) =>
      c.json(await Activity.listNamed(c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/audit",
      tags: ["Admin"],
      security: bearer,
      request: { query: PageInput },
      responses: { 200: json(page(Audit.Info), "Admin actions in the workspace, newest first"), ...errors },
    }),
    async (c) => c.json(await Audit.list(c.get("actor"), c.req.valid("query")), 200),
  );
