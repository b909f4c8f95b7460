// A project's daily site log: list the days (newest first), read one day, and write a day's log
// (creating it, or editing it when the day already has one). Clients read the shared days only.
import { createRoute, z } from "@hono/zod-openapi";
import { SiteLog } from "@rehome/core/site-log";
import { router } from "../context";
import { bearer, ErrorSchema, errors, Id, json, jsonBody, page } from "../openapi";

const ProjectParams = z.object({ id: Id });
const Params = z.object({ id: Id, date: SiteLog.DateParam });
const tags = ["Site log"];
const base = "/api/projects/{id}/site-log";

export const siteLog = router()
  .openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      security: bearer,
      request: { params: ProjectParams, query: SiteLog.ListInput },
      responses: {
        200: json(page(SiteLog.Info), "Newest day first; clients see shared days only"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await SiteLog.list(c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: `${base}/{date}`,
      tags,
      security: bearer,
      request: { params: Params },
      responses: { 200: json(SiteLog.Info, "The day's log"), ...errors },
    }),
    async (c) => {
      const { id, date } = c.req.valid("param");
      return c.json(await SiteLog.get(c.get("actor"), id, date), 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: `${base}/{date}`,
      tags,
      summary: "Write the day's log (staff): creates it, or edits the fields given",
      security: bearer,
      request: { params: Params, ...jsonBody(SiteLog.WriteInput) },
      responses: {
        200: json(SiteLog.Info, "The day's log as written"),
        422: json(
          ErrorSchema,
          "`site_log.photo_invalid` (not an image of this project), `site_log.internal_photo` (an internal photo on a shared log) or `site_log.future_date`",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { id, date } = c.req.valid("param");
      return c.json(await SiteLog.write(c.get("actor"), id, date, c.req.valid("json")), 200);
    },
  );
