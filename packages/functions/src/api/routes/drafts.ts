// Drafts by the assistant, for a person to decide on: a change order from chosen messages and
// today's client update. Asking queues one (202); it arrives as `agent.draft.ready` on the
// asker's own channel and stays readable by them alone for a while.
import { createRoute, z } from "@hono/zod-openapi";
import { Draft } from "@rehome/core/draft";
import { router } from "../context";
import { bearer, errors, Id, json } from "../openapi";

export const drafts = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/drafts/change-order",
      tags: ["Agent"],
      security: bearer,
      request: {
        params: z.object({ id: Id }),
        body: { content: { "application/json": { schema: Draft.ChangeOrderInput } }, required: true },
      },
      responses: { 202: json(Draft.Queued, "The change order is being drafted"), ...errors },
    }),
    async (c) =>
      c.json(await Draft.draftChangeOrder(c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 202),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/drafts/client-update",
      tags: ["Agent"],
      security: bearer,
      request: { params: z.object({ id: Id }) },
      responses: { 202: json(Draft.Queued, "Today's client update is being drafted"), ...errors },
    }),
    async (c) => c.json(await Draft.draftClientUpdate(c.get("actor"), c.req.valid("param").id), 202),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/drafts/{draftId}",
      tags: ["Agent"],
      security: bearer,
      request: { params: z.object({ id: Id, draftId: Id }) },
      responses: { 200: json(Draft.Info, "The draft, for the person who asked for it"), ...errors },
    }),
    async (c) => {
      const { id, draftId } = c.req.valid("param");
      return c.json(await Draft.get(c.get("actor"), id, draftId), 200);
    },
  );
