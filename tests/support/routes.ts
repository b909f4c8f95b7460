// What every route of the API answers to each kind of caller, and a valid body for it: the table
// the authorization matrix enforces and the bad-input suite mutates. A route missing here fails
// the matrix, so adding a route means deciding who may call it.
import { uniqueEmail, type Who, type World } from "./world";

/**
 * public: anyone (a bad token on /api is still a 401) · user: any signed-in person · admin: an
 * admin, in their own workspace · adminOf: an admin of the resource's workspace · member: who
 * may see the project (its admin and assigned participants) · own: the owner (and `also`).
 */
export type Access = "public" | "user" | "admin" | "adminOf" | "member" | "own";

export interface Expectation {
  access: Access;
  /** The status of an allowed caller. */
  ok: number;
  body?: (w: World) => Promise<unknown> | unknown;
  /** For `own`: who owns the resource the fixtures make, and who else may act on it. */
  owner?: Who;
  also?: Who[];
  /** For `own`: what other people who can see the project get (403), else 404. */
  othersInProject?: 403;
  /** The route ends the caller's session(s): sign them in again afterwards. */
  endsSession?: true;
}

/** What the team member posted or uploaded: theirs or an admin's to delete, others get 403. */
const removedByAuthorOrAdmin: Expectation = {
  access: "own",
  ok: 204,
  owner: "team",
  also: ["admin"],
  othersInProject: 403,
};
const title = { title: "Matrix" };
const text = { body: "Matrix says hi" };

export const routes: Record<string, Expectation> = {
  "GET /health": { access: "public", ok: 200 },
  "POST /api/login": {
    access: "public",
    ok: 200,
    body: () => ({ email: "admin@demo.rehome.local", password: "rehome-demo" }),
  },
  "POST /api/logout": { access: "user", ok: 204, endsSession: true },
  "POST /api/logout/all": { access: "user", ok: 204, endsSession: true },
  "GET /api/me": { access: "user", ok: 200 },
  "PATCH /api/me": { access: "user", ok: 200, body: () => ({ digestEmails: true }) },
  "POST /api/password/forgot": { access: "public", ok: 202, body: () => ({ email: "nobody@example.com" }) },
  "POST /api/password/reset": {
    access: "public",
    ok: 204,
    body: async (w) => ({ token: await w.get("resetToken"), password: "a-long-test-password" }),
  },
  "GET /api/tokens": { access: "user", ok: 200 },
  "POST /api/tokens": { access: "user", ok: 201, body: () => ({ name: "ci", scope: "read" }) },
  "DELETE /api/tokens/{tokenId}": { access: "own", ok: 204, owner: "team" },
  "GET /api/notifications": { access: "user", ok: 200 },
  "POST /api/notifications/read-all": { access: "user", ok: 200 },
  "POST /api/notifications/{notificationId}/read": { access: "own", ok: 200, owner: "team" },
  "POST /api/realtime/ticket": { access: "user", ok: 200 },

  "GET /api/users": { access: "admin", ok: 200 },
  "GET /api/users/{userId}": { access: "adminOf", ok: 200 },
  "PATCH /api/users/{userId}": { access: "adminOf", ok: 200, body: () => ({ name: "Renamed Person" }) },
  "GET /api/invites": { access: "admin", ok: 200 },
  "POST /api/invites": {
    access: "admin",
    ok: 201,
    body: () => ({ email: uniqueEmail("new"), role: "client" }),
  },
  "DELETE /api/invites/{inviteId}": { access: "adminOf", ok: 204 },
  "POST /api/invites/accept": {
    access: "public",
    ok: 200,
    body: async (w) => ({
      token: await w.get("inviteToken"),
      name: "New Person",
      password: "a-long-test-password",
    }),
  },
  "GET /api/audit": { access: "admin", ok: 200 },

  "GET /api/projects": { access: "user", ok: 200 },
  "POST /api/projects": { access: "admin", ok: 201, body: () => ({ name: "Another project" }) },
  "GET /api/projects/{id}": { access: "member", ok: 200 },
  "PATCH /api/projects/{id}": { access: "adminOf", ok: 200, body: () => ({ description: "Edited" }) },
  "GET /api/projects/{id}/assignments": { access: "member", ok: 200 },
  "PUT /api/projects/{id}/assignments/{userId}": {
    access: "adminOf",
    ok: 200,
    body: () => ({ role: "client" }),
  },
  "DELETE /api/projects/{id}/assignments/{userId}": { access: "adminOf", ok: 204 },
  "GET /api/projects/{id}/activity": { access: "member", ok: 200 },

  "GET /api/projects/{id}/tasks": { access: "member", ok: 200 },
  "POST /api/projects/{id}/tasks": { access: "member", ok: 201, body: () => title },
  "GET /api/projects/{id}/tasks/{taskId}": { access: "member", ok: 200 },
  "PATCH /api/projects/{id}/tasks/{taskId}": {
    access: "member",
    ok: 200,
    body: () => ({ status: "blocked" }),
  },
  "DELETE /api/projects/{id}/tasks/{taskId}": { access: "member", ok: 204 },

  "GET /api/projects/{id}/messages": { access: "member", ok: 200 },
  "POST /api/projects/{id}/messages": { access: "member", ok: 201, body: () => text },
  "PATCH /api/projects/{id}/messages/{messageId}": {
    access: "own",
    ok: 200,
    owner: "team",
    othersInProject: 403,
    body: () => text,
  },
  "DELETE /api/projects/{id}/messages/{messageId}": removedByAuthorOrAdmin,

  "GET /api/projects/{id}/files": { access: "member", ok: 200 },
  "POST /api/projects/{id}/files": {
    access: "member",
    ok: 201,
    body: () => ({ name: "plan.pdf", contentType: "application/pdf", size: 2048 }),
  },
  "POST /api/projects/{id}/files/{fileId}/complete": { access: "own", ok: 200, owner: "team" },
  "GET /api/projects/{id}/files/{fileId}/download": { access: "member", ok: 200 },
  "DELETE /api/projects/{id}/files/{fileId}": removedByAuthorOrAdmin,

  "POST /api/projects/{project}/agent/threads": { access: "member", ok: 201, body: () => ({}) },
  "GET /api/projects/{project}/agent/threads": { access: "member", ok: 200 },
  "POST /api/agent/threads": { access: "admin", ok: 201, body: () => ({}) },
  "GET /api/agent/threads": { access: "admin", ok: 200 },
  "GET /api/agent/threads/{thread}": { access: "member", ok: 200 },
  "PATCH /api/agent/threads/{thread}": { access: "own", ok: 200, owner: "team", body: () => title },
  "GET /api/agent/threads/{thread}/messages": { access: "member", ok: 200 },
  "POST /api/agent/threads/{thread}/messages": {
    access: "member",
    ok: 202,
    body: () => ({ content: "Blocked tasks" }),
  },
  "POST /api/agent/runs/{run}/cancel": { access: "member", ok: 202 },
  "GET /api/projects/{project}/summaries": { access: "member", ok: 200 },
  "GET /api/workspaces/{workspace}/summaries": { access: "adminOf", ok: 200 },
  "GET /api/workspaces/{workspace}/usage": { access: "adminOf", ok: 200 },
  "GET /api/workspaces/{workspace}/budgets": { access: "adminOf", ok: 200 },
  "PUT /api/workspaces/{workspace}/budgets": {
    access: "adminOf",
    ok: 200,
    body: () => ({ userDailyCents: 0, workspaceDailyCents: 0, workspaceMonthlyCents: 0 }),
  },
  "GET /api/workspaces/{workspace}/ai-settings": { access: "adminOf", ok: 200 },
  "PUT /api/workspaces/{workspace}/ai-settings": {
    access: "adminOf",
    ok: 200,
    body: () => ({ model: "claude-sonnet-5-5" }),
  },
};

const signedOut = (who: Who) => who === "anonymous" || who === "deactivated" || who === "revoked";
const seesProject = (who: Who) =>
  who === "admin" || who === "team" || who === "consultant" || who === "client";

export function expected(route: string, e: Expectation, who: Who): number {
  if (e.access === "public")
    return signedOut(who) && who !== "anonymous" && route.includes(" /api/") ? 401 : e.ok;
  if (signedOut(who)) return 401;
  switch (e.access) {
    case "user":
      return e.ok;
    case "admin":
      return who === "admin" || who === "otherAdmin" ? e.ok : 403;
    case "adminOf":
      return who === "admin" ? e.ok : who === "otherAdmin" ? 404 : 403;
    case "member":
      return seesProject(who) ? e.ok : 404;
    case "own":
      if (who === e.owner || e.also?.includes(who)) return e.ok;
      return seesProject(who) && e.othersInProject ? e.othersInProject : 404;
  }
}

/** Who should send a route's request to get past authorization: its owner, an admin, or nobody. */
export const callerFor = (e: Expectation): Who => e.owner ?? (e.access === "public" ? "anonymous" : "admin");
