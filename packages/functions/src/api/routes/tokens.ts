// Personal API tokens: the caller's own, shown once at creation, revocable.
import { createRoute, z } from "@hono/zod-openapi";
import { Auth } from "@rehome/core/auth";
import { PageInput } from "@rehome/core/db";
import { router } from "../context";
import { bearer, errors, Id, json, jsonBody, page } from "../openapi";

const tags = ["Auth"];

export const tokens = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/tokens",
      tags,
      security: bearer,
      request: { query: PageInput },
      responses: { 200: json(page(Auth.ApiTokenInfo), "Your API tokens (never the secrets)"), ...errors },
    }),
    async (c) => c.json(await Auth.listApiTokens(c.get("actor"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/tokens",
      tags,
      security: bearer,
      request: jsonBody(Auth.CreateApiTokenInput),
      responses: { 201: json(Auth.CreatedApiToken, "Created; `token` is shown this once"), ...errors },
    }),
    async (c) => c.json(await Auth.createApiToken(c.get("actor"), c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/tokens/{tokenId}",
      tags,
      security: bearer,
      request: { params: z.object({ tokenId: Id }) },
      responses: { 204: { description: "Revoked: it stops working at once" }, ...errors },
    }),
    async (c) => {
      await Auth.revokeApiToken(c.get("actor"), c.req.valid("param").tokenId);
      return c.body(null, 204);
    },
  );
