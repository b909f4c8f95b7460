// What every route of the API answers to each kind of caller, and a valid body for it: the table
// the authorization matrix enforces and the bad-input suite mutates. A route missing here fails
// the matrix, so adding a route means deciding who may call it. The routes of a project's items
// (tasks, messages, files) name only the rows of the permission table they need: what each
// caller gets for each item is computed from the table itself (predict), never typed here.
import type { Role } from "@rehome/core/actor";
import { Demo } from "@rehome/core/demo";
import {
  type Action,
  effectiveRole,
  type Kind,
  may,
  maySee,
  reachOf,
  type Subject,
} from "@rehome/core/permissions";
import {
  ASSIGNED,
  changeOrderBody,
  personOf,
  uniqueEmail,
  type Who,
  WORKSPACE_ROLE,
  type World,
} from "./world";

/**
 * public: anyone (a bad token on /api is still a 401) · user: any signed-in person · admin: an
 * admin, in their own workspace · adminOf: an admin of the resource's workspace · member: who
 * may see the project (its admin and assigned participants) · own: the owner (and `also`) ·
 * table: the permission table decides, item by item (an `ItemRoute`).
 */
export type Access = "public" | "user" | "admin" | "adminOf" | "member" | "own" | "table";

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
  /** A POST a read-only API token may still make: ending that token itself, or opening a live read. */
  readOnlyMay?: true;
}

/** One way of calling an item route: its body for an item, and the rows of the table it needs. */
export interface Case {
  name: string;
  actions: Action[];
  body?: (item: Subject | undefined, w: World) => unknown;
  /** What the item's state answers once the table allowed the call (a 409), if not the route's status. */
  state?: (item: Subject | undefined) => number | undefined;
}

/**
 * A route of a project's items. With the item's id in its path, each case meets one item of
 * every variant; without, it is a list (every variant is listed exactly when the caller may see
 * it) or a create (no item yet).
 */
export interface ItemRoute extends Expectation {
  access: "table";
  kind: Kind;
  cases: Case[];
}

/** An item route whose bad-input body is its first case's, for a client-visible unassigned item. */
function byTable(kind: Kind, ok: number, cases: Case[]): ItemRoute {
  const first = cases[0]?.body;
  return {
    access: "table",
    kind,
    ok,
    cases,
    body: first ? (w) => first({ createdBy: null, assigneeId: null, clientVisible: true }, w) : undefined,
  };
}

const view: Case[] = [{ name: "view", actions: ["view"] }];
const remove: Case[] = [{ name: "delete", actions: ["delete"] }];
/** Marks an item the other way: client-visible becomes internal and back. */
const toggle: Case = {
  name: "visibility",
  actions: ["visibility"],
  body: (item) => ({ clientVisible: !item?.clientVisible }),
};
/** Creating an item: as the project's default, and choosing either visibility. */
const creating = (action: Action, body: Record<string, unknown>): Case[] => [
  { name: action, actions: [action], body: () => body },
  {
    name: `${action} internal`,
    actions: [action, "visibility"],
    body: () => ({ ...body, clientVisible: false }),
  },
  {
    name: `${action} visible`,
    actions: [action, "visibility"],
    body: () => ({ ...body, clientVisible: true }),
  },
];

/** Change orders: a draft is the internal variant, a sent one the client-visible variant. */
const onlyDrafts = (item?: Subject) => (item?.clientVisible ? 409 : undefined);
const onlySent = (item?: Subject) => (item?.clientVisible ? undefined : 409);
const signed = () => ({ signature: ` ${Demo.NAMES.client.toUpperCase()} ` });

const title = { title: "Matrix" };
const text = { body: "Matrix says hi" };

export const routes: Record<string, Expectation> = {
  "GET /health": { access: "public", ok: 200 },
  "POST /api/login": {
    access: "public",
    ok: 200,
    body: () => ({ email: "admin@demo.rehome.local", password: "rehome-demo" }),
  },
  "POST /api/logout": { access: "user", ok: 204, endsSession: true, readOnlyMay: true },
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
  "POST /api/realtime/ticket": { access: "user", ok: 200, readOnlyMay: true },

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
  "POST /api/invites/preview": {
    access: "public",
    ok: 200,
    body: async (w) => ({ token: await w.get("inviteToken") }),
  },
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
  "GET /api/projects/standing": { access: "user", ok: 200 },
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

  "GET /api/projects/{id}/tasks": byTable("task", 200, view),
  "POST /api/projects/{id}/tasks": byTable("task", 201, [
    ...creating("create", title),
    {
      name: "create assigned",
      actions: ["create", "assign"],
      body: (_, w) => ({ ...title, assigneeId: w.ids.consultant }),
    },
  ]),
  "GET /api/projects/{id}/tasks/{taskId}": byTable("task", 200, view),
  "PATCH /api/projects/{id}/tasks/{taskId}": byTable("task", 200, [
    { name: "edit", actions: ["edit"], body: () => ({ title: "Renamed" }) },
    {
      name: "assign",
      actions: ["assign"],
      body: (item, w) => ({ assigneeId: item?.assigneeId ? null : w.ids.admin }),
    },
    { name: "status", actions: ["status"], body: () => ({ status: "blocked" }) },
    { name: "reorder", actions: ["reorder"], body: () => ({ position: 12_345 }) },
    toggle,
  ]),
  "DELETE /api/projects/{id}/tasks/{taskId}": byTable("task", 204, remove),

  "GET /api/projects/{id}/messages": byTable("message", 200, view),
  "POST /api/projects/{id}/messages": byTable("message", 201, creating("post", text)),
  "PATCH /api/projects/{id}/messages/{messageId}": byTable("message", 200, [
    { name: "edit", actions: ["edit"], body: () => text },
    toggle,
  ]),
  "DELETE /api/projects/{id}/messages/{messageId}": byTable("message", 204, remove),

  "GET /api/projects/{id}/files": byTable("file", 200, view),
  "POST /api/projects/{id}/files": byTable(
    "file",
    201,
    creating("upload", { name: "plan.pdf", contentType: "application/pdf", size: 2048 }),
  ),
  "POST /api/projects/{id}/files/{fileId}/complete": { access: "own", ok: 200, owner: "team" },
  "GET /api/projects/{id}/files/{fileId}/download": byTable("file", 200, view),
  "PATCH /api/projects/{id}/files/{fileId}": byTable("file", 200, [toggle]),
  "DELETE /api/projects/{id}/files/{fileId}": byTable("file", 204, remove),

  "GET /api/projects/{id}/change-orders": byTable("change_order", 200, view),
  "POST /api/projects/{id}/change-orders": byTable("change_order", 201, [
    { name: "create", actions: ["create"], body: () => changeOrderBody },
  ]),
  "GET /api/projects/{id}/change-orders/{changeOrderId}": byTable("change_order", 200, view),
  "PATCH /api/projects/{id}/change-orders/{changeOrderId}": byTable("change_order", 200, [
    { name: "edit", actions: ["edit"], body: () => ({ costDelta: -5_000 }), state: onlyDrafts },
  ]),
  "POST /api/projects/{id}/change-orders/{changeOrderId}/send": byTable("change_order", 200, [
    { name: "send", actions: ["send"], state: onlyDrafts },
  ]),
  "POST /api/projects/{id}/change-orders/{changeOrderId}/withdraw": byTable("change_order", 200, [
    { name: "withdraw", actions: ["withdraw"], state: onlySent },
  ]),
  "POST /api/projects/{id}/change-orders/{changeOrderId}/approve": byTable("change_order", 200, [
    { name: "approve", actions: ["decide"], body: signed, state: onlySent },
  ]),
  "POST /api/projects/{id}/change-orders/{changeOrderId}/decline": byTable("change_order", 200, [
    {
      name: "decline",
      actions: ["decide"],
      body: () => ({ ...signed(), reason: "Too dear" }),
      state: onlySent,
    },
  ]),
  "GET /api/projects/{id}/totals": { access: "member", ok: 200 },

  // Sharing the schedule outside the app is deciding what clients see: the `visibility` row.
  "POST /api/projects/{id}/calendar": byTable("task", 201, [
    { name: "share calendar", actions: ["visibility"], body: () => ({}) },
  ]),
  "DELETE /api/projects/{id}/calendar": byTable("task", 204, [
    { name: "revoke calendar", actions: ["visibility"] },
  ]),
  // Calendar apps send no Authorization header: the secret token in the path is the access.
  "GET /api/calendar/{token}": { access: "public", ok: 200 },
  "GET /api/projects/{id}/site-log": byTable("site_log", 200, view),
  "GET /api/projects/{id}/site-log/{date}": byTable("site_log", 200, view),
  "PUT /api/projects/{id}/site-log/{date}": byTable("site_log", 200, [
    { name: "write", actions: ["write"], body: () => ({ workDone: "Tiled the splashback" }) },
    {
      name: "share or keep internal",
      actions: ["write", "visibility"],
      body: (item) => ({ clientVisible: !item?.clientVisible }),
    },
  ]),

  "POST /api/projects/{project}/agent/threads": { access: "member", ok: 201, body: () => ({}) },
  "GET /api/projects/{project}/agent/threads": { access: "member", ok: 200 },
  "POST /api/agent/threads": { access: "admin", ok: 201, body: () => ({}) },
  "GET /api/agent/threads": { access: "admin", ok: 200 },
  // A thread is its author's (the team member's); an admin may read it (audit), never ask in it.
  "GET /api/agent/threads/{thread}": { access: "own", ok: 200, owner: "team", also: ["admin"] },
  "GET /api/agent/threads/{thread}/messages": { access: "own", ok: 200, owner: "team", also: ["admin"] },
  "PATCH /api/agent/threads/{thread}": { access: "own", ok: 200, owner: "team", body: () => title },
  "POST /api/agent/threads/{thread}/messages": {
    access: "own",
    ok: 202,
    owner: "team",
    body: () => ({ content: "Blocked tasks" }),
  },
  "POST /api/agent/runs/{run}/cancel": { access: "own", ok: 202, owner: "team" },
  "GET /api/projects/{project}/summaries": { access: "member", ok: 200 },
  "GET /api/workspaces/{workspace}/summaries": { access: "adminOf", ok: 200 },
  "POST /api/workspaces/{workspace}/summaries": { access: "adminOf", ok: 202 },
  "GET /api/workspaces/{workspace}/risks": { access: "adminOf", ok: 200 },
  "POST /api/workspaces/{workspace}/risks": { access: "adminOf", ok: 202 },
  // Meeting notes: staff only, the reach of creating tasks.
  "POST /api/projects/{id}/meetings": byTable("task", 202, [
    { name: "summarize", actions: ["create"], body: () => ({ notes: "Action: order the tiles" }) },
  ]),
  // The team member's meeting summary: staff confirm its proposals, a client on the project may not.
  "POST /api/projects/{project}/summaries/{summary}/proposals/{proposal}/confirm": {
    access: "own",
    ok: 201,
    owner: "team",
    also: ["admin", "consultant"],
    othersInProject: 403,
  },
  // Drafts by the assistant: who may create change orders drafts one; who may post a client-visible
  // message drafts today's update; only the asker reads a draft (anyone else: 404).
  "POST /api/projects/{id}/drafts/change-order": byTable("change_order", 202, [
    // Ids are only read when the draft is written: one the asker cannot read is left out then.
    { name: "draft", actions: ["create"], body: () => ({ messageIds: ["matrix-message"] }) },
  ]),
  "POST /api/projects/{id}/drafts/client-update": byTable("message", 202, [
    { name: "draft update", actions: ["post", "visibility"] },
  ]),
  "GET /api/projects/{id}/drafts/{draftId}": { access: "own", ok: 200, owner: "team" },
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

export const isItemRoute = (e: Expectation): e is ItemRoute => e.access === "table";

const signedOut = (who: Who) => who === "anonymous" || who === "deactivated" || who === "revoked";
const seesProject = (who: Who) =>
  who === "admin" || who === "team" || who === "consultant" || who === "client" || who === "readOnly";
const writes = (route: string) => !route.startsWith("GET ");

/** What a route answers `who`, for a route of the hand-written part of the table. */
export function expected(route: string, e: Expectation, who: Who): number {
  if (e.access === "public")
    return signedOut(who) && who !== "anonymous" && route.includes(" /api/") ? 401 : e.ok;
  if (signedOut(who)) return 401;
  // A read-only token is refused every write before anything else is looked at.
  if (who === "readOnly" && writes(route) && !e.readOnlyMay) return 403;
  const as = personOf(who);
  switch (e.access) {
    case "user":
      return e.ok;
    case "admin":
      return as === "admin" || as === "otherAdmin" ? e.ok : 403;
    case "adminOf":
      return as === "admin" ? e.ok : as === "otherAdmin" ? 404 : 403;
    case "member":
    case "table":
      return seesProject(who) ? e.ok : 404;
    case "own":
      if (as === e.owner || e.also?.includes(as)) return e.ok;
      return seesProject(who) && e.othersInProject ? e.othersInProject : 404;
  }
}

/** The role `who` acts in on a fresh project (the world assigns each participant in their own role), if any. */
export function roleOn(who: Who): Role | undefined {
  const person = personOf(who);
  const workspaceRole = WORKSPACE_ROLE[person];
  const assignment = (ASSIGNED as readonly Who[]).includes(person) ? (person as Role) : undefined;
  if (!workspaceRole || signedOut(who) || (workspaceRole !== "admin" && !assignment) || who === "otherAdmin")
    return undefined;
  return effectiveRole(workspaceRole, assignment);
}

/**
 * What an item route answers `who` for one case, computed from the permission table: 401 signed
 * out, 403 for a read-only token's write, 404 outside the project or for an item the caller's role
 * may not see, 403 when a row of the table refuses, else the route's status.
 */
export function predict(
  route: string,
  e: ItemRoute,
  c: Case,
  who: Who,
  ids: Partial<Record<Who, string>>,
  item?: Subject,
): number {
  if (signedOut(who)) return 401;
  if (who === "readOnly" && writes(route)) return 403;
  const role = roleOn(who);
  if (!role) return 404;
  // A day's log is named by its date, which anyone can guess: a write asks whether the role may
  // write any day before it looks at the day, so an internal day is not told apart by a 404.
  if (e.kind === "site_log" && writes(route) && reachOf(role, "site_log", "write").length === 0) return 403;
  if (item && !maySee(role, item)) return 404;
  const userId = ids[personOf(who)] ?? "";
  if (!c.actions.every((action) => may<Kind>(role, userId, e.kind, action, item))) return 403;
  return c.state?.(item) ?? e.ok;
}

/** Who should send a route's request to get past authorization: its owner, an admin, or nobody. */
export const callerFor = (e: Expectation): Who => e.owner ?? (e.access === "public" ? "anonymous" : "admin");
