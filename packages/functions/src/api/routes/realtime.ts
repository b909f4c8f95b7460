// Tickets for the WebSocket: short-lived and single-use, so no long-lived secret is in a URL.
import { createRoute } from "@hono/zod-openapi";
import { Realtime } from "@rehome/core/realtime";
import { router } from "../context";
import { bearer, errors, json } from "../openapi";

export const realtime = router().openapi(
  createRoute({
    method: "post",
    path: "/api/realtime/ticket",
    tags: ["Realtime"],
    security: bearer,
    responses: { 200: json(Realtime.TicketResult, "Open `url?ticket=` within 60 s"), 401: errors[401] },
  }),
  async (c) => c.json(await Realtime.issueTicket(c.get("actor")), 200),
);
