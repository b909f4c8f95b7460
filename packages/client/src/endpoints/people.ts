// Sessions, passwords, invitations, the workspace's people and personal API tokens.
import type { Auth } from "@rehome/core/auth";
import type { Invite } from "@rehome/core/invite";
import type { User } from "@rehome/core/user";
import type * as z from "zod";
import { type Request, seg } from "../http";
import type {
  ApiTokenInfo,
  CreatedApiToken,
  InviteInfo,
  LoginResult,
  Me,
  Page,
  PageQuery,
  UserInfo,
} from "../types";

export const people = (request: Request) => ({
  login: (input: z.input<typeof Auth.LoginInput>) => request<LoginResult>("POST", "/api/login", input),
  logout: () => request<void>("POST", "/api/logout"),
  /** Revokes every session and API token of the caller and closes their sockets. */
  logoutEverywhere: () => request<void>("POST", "/api/logout/all"),
  me: () => request<Me>("GET", "/api/me"),
  /** The caller's own name and digest-email opt-in; returns the updated me. */
  updateMe: (input: z.input<typeof User.UpdateMeInput>) => request<Me>("PATCH", "/api/me", input),
  password: {
    /** Always 202, whether or not the email is known. */
    forgot: (input: z.input<typeof Auth.ForgotPasswordInput>) =>
      request<void>("POST", "/api/password/forgot", input),
    reset: (input: z.input<typeof Auth.ResetPasswordInput>) =>
      request<void>("POST", "/api/password/reset", input),
  },
  users: {
    list: (query?: PageQuery) => request<Page<UserInfo>>("GET", "/api/users", undefined, query),
    get: (userId: string) => request<UserInfo>("GET", `/api/users/${seg(userId)}`),
    /** Name, role, or `status: "deactivated"` (ends their sessions and sockets at once). */
    update: (userId: string, input: z.input<typeof User.UpdateInput>) =>
      request<UserInfo>("PATCH", `/api/users/${seg(userId)}`, input),
  },
  invites: {
    list: (query?: PageQuery) => request<Page<InviteInfo>>("GET", "/api/invites", undefined, query),
    create: (input: z.input<typeof Invite.CreateInput>) => request<InviteInfo>("POST", "/api/invites", input),
    revoke: (inviteId: string) => request<void>("DELETE", `/api/invites/${seg(inviteId)}`),
    /** Who invites whom to what, before the form; a used or expired link is refused. */
    preview: (token: string) =>
      request<z.infer<typeof Invite.Preview>>("POST", "/api/invites/preview", { token }),
    /** The link's token, a name and a password: joins and signs in. */
    accept: (input: z.input<typeof Invite.AcceptInput>) =>
      request<LoginResult>("POST", "/api/invites/accept", input),
  },
  tokens: {
    list: (query?: PageQuery) => request<Page<ApiTokenInfo>>("GET", "/api/tokens", undefined, query),
    /** The secret is in the answer this once. */
    create: (input: z.input<typeof Auth.CreateApiTokenInput>) =>
      request<CreatedApiToken>("POST", "/api/tokens", input),
    revoke: (tokenId: string) => request<void>("DELETE", `/api/tokens/${seg(tokenId)}`),
  },
});
