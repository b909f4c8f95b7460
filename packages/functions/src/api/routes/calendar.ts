// A project's calendar feed: staff share (a new secret link) or revoke it; calendar apps read the
// .ics without a session, trusting the token in the URL alone.
import { createRoute, z } from "@hono/zod-openapi";
import { Calendar } from "@rehome/core/calendar";
import { router } from "../context";
import { bearer, errors, Id, json, jsonBody } from "../openapi";

const ProjectParams = z.object({ id: Id });
/** `<id>.<secret>.ics`: the suffix lets calendar apps recognise the link. */
const FeedParams = z.object({
  token: z
    .string()
    .max(256)
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.ics$/, "Not a calendar link."),
});
const Shared = z.object({ url: z.string() }).meta({ id: "CalendarLink" });

export const calendar = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/calendar",
      tags: ["Calendar"],
      security: bearer,
      request: { params: ProjectParams, ...jsonBody(Calendar.ShareInput) },
      responses: {
        201: json(Shared, "A new secret link to the project's .ics feed; earlier links stop working"),
        ...errors,
      },
    }),
    async (c) => {
      const { token } = await Calendar.share(c.get("actor"), c.req.valid("param").id, c.req.valid("json"));
      // The API's own origin: on AWS the SPA and the API live at different hosts.
      const url = new URL(`/api/calendar/${token}.ics`, c.req.url).href;
      return c.json({ url }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/projects/{id}/calendar",
      tags: ["Calendar"],
      security: bearer,
      request: { params: ProjectParams },
      responses: { 204: { description: "Revoked: the link answers 404 from now on" }, ...errors },
    }),
    async (c) => {
      await Calendar.revoke(c.get("actor"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/calendar/{token}",
      tags: ["Calendar"],
      request: { params: FeedParams },
      responses: {
        200: { content: { "text/calendar": { schema: z.string() } }, description: "The .ics feed" },
        400: errors[400],
        404: errors[404],
        429: errors[429],
      },
    }),
    async (c) => {
      const body = await Calendar.feed(c.req.valid("param").token.replace(/\.ics$/, ""));
      return c.body(body, 200, {
        "Content-Type": "text/calendar; charset=utf-8",
        "Cache-Control": "no-store",
      });
    },
  );
