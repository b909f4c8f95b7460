// Invitations: admins invite, list and withdraw; the invited person accepts with the emailed
// link (no bearer token: the link is the credential, so it shares the credential rate limit).
import { createRoute, z } from "@hono/zod-openapi";
import { Auth } from "@rehome/core/auth";
import { PageInput } from "@rehome/core/db";
import { Invite } from "@rehome/core/invite";
import { router } from "../context";
import { credentialLimit } from "../middleware";
import { bearer, ErrorSchema, errors, Id, json, jsonBody, page } from "../openapi";

const tags = ["Admin"];

export const invites = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/invites",
      tags,
      security: bearer,
      request: { query: PageInput },
      responses: { 200: json(page(Invite.Info), "Invitations, newest first"), ...errors },
    }),
    async (c) => c.json(await Invite.list(c.get("actor"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/invites",
      tags,
      security: bearer,
      request: jsonBody(Invite.CreateInput),
      responses: {
        201: json(Invite.Info, "Invited; the link is in the email only"),
        409: json(ErrorSchema, "The email belongs to someone already"),
        503: json(ErrorSchema, "Email could not be sent; invite again to resend"),
        ...errors,
      },
    }),
    async (c) => c.json(await Invite.create(c.get("actor"), c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/invites/{inviteId}",
      tags,
      security: bearer,
      request: { params: z.object({ inviteId: Id }) },
      responses: {
        204: { description: "Withdrawn: the link no longer works" },
        409: json(ErrorSchema, "Already accepted"),
        ...errors,
      },
    }),
    async (c) => {
      await Invite.revoke(c.get("actor"), c.req.valid("param").inviteId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/invites/preview",
      tags: ["Auth"],
      middleware: [credentialLimit],
      request: jsonBody(Invite.PreviewInput),
      responses: {
        200: json(Invite.Preview, "Who invites whom to which workspace"),
        400: errors[400],
        409: json(ErrorSchema, "The link was used or withdrawn"),
        429: errors[429],
      },
    }),
    async (c) => c.json(await Invite.preview(c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/invites/accept",
      tags: ["Auth"],
      middleware: [credentialLimit],
      request: jsonBody(Invite.AcceptInput),
      responses: {
        200: json(Auth.LoginResult, "Joined and signed in"),
        400: errors[400],
        409: json(ErrorSchema, "The link was used already"),
        429: errors[429],
      },
    }),
    async (c) => c.json(await Invite.accept(c.req.valid("json")), 200),
  );
