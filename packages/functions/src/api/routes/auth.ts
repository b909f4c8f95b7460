// Sign in, sign out, and who am I.
import { createRoute } from "@hono/zod-openapi";
import { Auth } from "@rehome/core/auth";
import { requireUser } from "@rehome/core/policy";
import { User } from "@rehome/core/user";
import { router } from "../context";
import { bearer, errors, json, jsonBody } from "../openapi";

export const auth = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/api/login",
      tags: ["Auth"],
      request: jsonBody(Auth.LoginInput),
      responses: {
        200: json(Auth.LoginResult, "Signed in"),
        400: errors[400],
        401: errors[401],
        429: errors[429],
      },
    }),
    async (c) => c.json(await Auth.login(c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/logout",
      tags: ["Auth"],
      security: bearer,
      responses: { 204: { description: "Token revoked" }, 401: errors[401] },
    }),
    async (c) => {
      await Auth.logout(requireUser(c.get("actor")));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/me",
      tags: ["Auth"],
      security: bearer,
      responses: { 200: json(User.Info, "The signed-in user"), 401: errors[401] },
    }),
    async (c) => {
      const actor = requireUser(c.get("actor"));
      return c.json(User.public_(await User.get(actor.workspaceId, actor.userId)), 200);
    },
  );
