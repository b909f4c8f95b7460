// GET /health: each dependency's status and latency. 503 when any of them fails.
import { createRoute } from "@hono/zod-openapi";
import * as Health from "@rehome/core/health";
import { router } from "../context";
import { json } from "../openapi";

export const health = router().openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["Ops"],
    responses: { 200: json(Health.Report, "All dependencies up"), 503: json(Health.Report, "Degraded") },
  }),
  async (c) => {
    const report = await Health.check();
    return c.json(report, report.status === "ok" ? 200 : 503);
  },
);
