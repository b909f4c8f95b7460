// Sign in, sign out (here or everywhere), who am I (and my own preferences), and password reset by email.
import { createRoute } from "@hono/zod-openapi";
import { Auth } from "@rehome/core/auth";
import { requireUser } from "@rehome/core/policy";
import { User } from "@rehome/core/user";
import { router } from "../context";
import { credentialLimit } from "../middleware";
import { bearer, ErrorSchema, errors, json, jsonBody } from "../openapi";

export const auth = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/api/login",
      tags: ["Auth"],
      middleware: [credentialLimit],
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
      responses: { 200: json(User.Me, "The signed-in user and their preferences"), 401: errors[401] },
    }),
    async (c) => c.json(await User.me(c.get("actor")), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/me",
      tags: ["Auth"],
      security: bearer,
      request: jsonBody(User.UpdateMeInput),
      responses: {
        200: json(User.Me, "Changed; the updated user and preferences"),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => c.json(await User.updateMe(c.get("actor"), c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/logout/all",
      tags: ["Auth"],
      security: bearer,
      responses: {
        204: { description: "Every session and API token revoked, every socket closed" },
        401: errors[401],
      },
    }),
    async (c) => {
      await Auth.logoutEverywhere(c.get("actor"));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/password/forgot",
      tags: ["Auth"],
      middleware: [credentialLimit],
      request: jsonBody(Auth.ForgotPasswordInput),
      responses: {
        202: { description: "If the email belongs to an active account, a reset link is on its way" },
        400: errors[400],
        429: errors[429],
      },
    }),
    async (c) => {
      await Auth.requestPasswordReset(c.req.valid("json"));
      return c.body(null, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/password/reset",
      tags: ["Auth"],
      middleware: [credentialLimit],
      request: jsonBody(Auth.ResetPasswordInput),
      responses: {
        204: { description: "Password changed; every session ended" },
        400: errors[400],
        409: json(ErrorSchema, "The link was used already"),
        429: errors[429],
      },
    }),
    async (c) => {
      await Auth.resetPassword(c.req.valid("json"));
      return c.body(null, 204);
    },
  );
