// The cost widget's API (a workspace's admins): a month's agent usage with its daily trend and
// spend by model, the budgets in force and the AI model, which an admin may change. Another
// workspace's id is a 404.
import { createRoute, z } from "@hono/zod-openapi";
import { Budget } from "@rehome/core/budget";
import { router } from "../context";
import { bearer, ErrorSchema, errors, Id, json, jsonBody } from "../openapi";

const params = z.object({ workspace: Id });
const tags = ["Admin"];

export const usage = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/workspaces/{workspace}/usage",
      tags,
      security: bearer,
      request: { params, query: Budget.ReportInput },
      responses: {
        200: json(Budget.UsageReport, "Cost, runs and tokens of a month (default: this one, UTC)"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await Budget.report(c.get("actor"), c.req.valid("param").workspace, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/workspaces/{workspace}/budgets",
      tags,
      security: bearer,
      request: { params },
      responses: { 200: json(Budget.Budgets, "The budgets in force, in cents (0 = no limit)"), ...errors },
    }),
    async (c) => c.json(await Budget.get(c.get("actor"), c.req.valid("param").workspace), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/api/workspaces/{workspace}/budgets",
      tags,
      security: bearer,
      request: { params, ...jsonBody(Budget.Budgets) },
      responses: { 200: json(Budget.Budgets, "Saved, and on the audit log"), ...errors },
    }),
    async (c) =>
      c.json(await Budget.set(c.get("actor"), c.req.valid("param").workspace, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/workspaces/{workspace}/ai-settings",
      tags,
      security: bearer,
      request: { params },
      responses: {
        200: json(Budget.AiSettings, "The model in force, the models on offer with their prices"),
        ...errors,
      },
    }),
    async (c) => c.json(await Budget.aiSettings(c.get("actor"), c.req.valid("param").workspace), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/api/workspaces/{workspace}/ai-settings",
      tags,
      security: bearer,
      request: { params, ...jsonBody(Budget.ModelChoice) },
      responses: {
        200: json(Budget.AiSettings, "Saved, and on the audit log"),
        ...errors,
        422: json(ErrorSchema, "Not one of the models on offer (ai.model_not_allowed)"),
      },
    }),
    async (c) =>
      c.json(
        await Budget.chooseModel(c.get("actor"), c.req.valid("param").workspace, c.req.valid("json")),
        200,
      ),
  );
