// The people and the fresh resources of route-by-route suites (authorization matrix, bad
// input): one person per kind of caller, and for each request whatever its path and body name
// — a project with one participant of each role, its task, message, file, thread, run, items of
// every visibility and authorship… — all made through the API the way a person would, so every
// request meets realistic data.
import type { Role } from "@rehome/core/actor";
import type { Kind, Subject } from "@rehome/core/permissions";
import { writeMeeting } from "@rehome/core/summary/writers";
import type { Stack } from "@rehome/local/stack";
import { PNG, upload } from "./files";
import { deliverJob } from "./jobs";
import { linkToken } from "./mail";
import { bootStack, call, login } from "./stack";

export const WHO = [
  "admin",
  "otherAdmin",
  "team",
  "consultant",
  "client",
  "readOnly",
  "outsider",
  "deactivated",
  "revoked",
  "anonymous",
] as const;
export type Who = (typeof WHO)[number];

/** Signed-in callers of the project's workspace that are assigned to every fresh project, in their own role. */
export const ASSIGNED = ["team", "consultant", "client"] as const;

/** Each signed-in caller's role in their workspace (the outsider is a team member on no project). */
export const WORKSPACE_ROLE: Partial<Record<Who, Role>> = {
  admin: "admin",
  otherAdmin: "admin",
  team: "team",
  consultant: "consultant",
  client: "client",
  readOnly: "team",
  outsider: "team",
};

/** The person behind a caller: the read-only API token is the team member's. */
export const personOf = (who: Who): Who => (who === "readOnly" ? "team" : who);

const OWN_PASSWORD = "a-long-test-password";
const DEMO: Partial<Record<Who, string>> = {
  admin: "admin@demo.rehome.local",
  otherAdmin: "admin@northwind.rehome.local",
  team: "team@demo.rehome.local",
  consultant: "consultant@demo.rehome.local",
  client: "client@demo.rehome.local",
};

let unique = 0;
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++unique}@example.com`;

const ok = async (what: string, answer: Promise<Awaited<ReturnType<typeof call>>>) => {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
};

export type Schema = { $ref?: string; properties?: Record<string, unknown> };
export type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

/**
 * The stack of the route-by-route suites: HTTP and agent limits out of the way (hundreds of
 * requests come from one address and one token), everyone signed in, the OpenAPI document read.
 */
export async function bootRouteSuite() {
  const stack = await bootStack({
    worker: false,
    env: {
      RATE_LIMIT_TOKEN_PER_MINUTE: "0",
      RATE_LIMIT_IP_PER_MINUTE: "0",
      RATE_LIMIT_AUTH_PER_MINUTE: "0",
      AGENT_LIMIT_PER_MINUTE: "1000",
      AGENT_LIMIT_PER_DAY: "1000",
      AGENT_WORKSPACE_LIMIT_PER_DAY: "10000",
    },
  });
  const people = await meet(stack);
  const document = (await call(stack, "GET", "/api/openapi.json")).body as OpenApiDocument;
  return { stack, people, document };
}

/** A new person of the admin's workspace, invited by email and joined through the link. */
export async function joinByInvite(stack: Stack, adminToken: string, role: string, prefix: string = role) {
  const email = uniqueEmail(prefix);
  await ok("invite", call(stack, "POST", "/api/invites", { token: adminToken, body: { email, role } }));
  const { token } = await linkToken(stack, email, "accept-invite");
  const body = { token, name: `${prefix} person`, password: OWN_PASSWORD };
  const joined = await ok(`accept ${prefix}`, call(stack, "POST", "/api/invites/accept", { body }));
  return { email, password: OWN_PASSWORD, token: joined.token as string, id: joined.user.id as string };
}

/** A new team member of the workspace put on `projectId` as team, signed in (assigned first: a role change closes sockets). */
export async function teamMemberOf(stack: Stack, adminToken: string, projectId: string, prefix: string) {
  const person = await joinByInvite(stack, adminToken, "team", prefix);
  const body = { role: "team" };
  await ok(
    "assign",
    call(stack, "PUT", `/api/projects/${projectId}/assignments/${person.id}`, { token: adminToken, body }),
  );
  return person;
}

/** A personal API token made with a session: its bearer value and what the API says of it. */
export async function apiTokenOf(
  stack: Stack,
  session: string,
  scope: "read" | "write",
  expiresInDays?: number,
) {
  const body = { name: `test ${scope}`, scope, expiresInDays };
  const created = await ok("api token", call(stack, "POST", "/api/tokens", { token: session, body }));
  return created as { token: string; info: { id: string; name: string; scope: string; expiresAt: string } };
}

export type People = Awaited<ReturnType<typeof meet>>;

/** Signs everyone in; the outsider and the deactivated person join by invite. */
export async function meet(stack: Stack) {
  const tokens: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};
  const emails: Partial<Record<Who, string>> = { ...DEMO };
  for (const [who, email] of Object.entries(DEMO) as [Who, string][]) {
    const session = await login(stack, email);
    tokens[who] = session.token;
    ids[who] = session.user.id;
  }
  const join = (who: string, role: string) => joinByInvite(stack, tokens.admin ?? "", role, who);
  for (const who of ["outsider", "deactivated"] as const) {
    const person = await join(who, who === "outsider" ? "team" : "client");
    Object.assign(tokens, { [who]: person.token });
    Object.assign(ids, { [who]: person.id });
    Object.assign(emails, { [who]: person.email });
  }
  await ok(
    "deactivate",
    call(stack, "PATCH", `/api/users/${ids.deactivated}`, {
      token: tokens.admin,
      body: { status: "deactivated" },
    }),
  );
  tokens.revoked = (await login(stack, DEMO.consultant ?? "")).token;
  await ok("logout", call(stack, "POST", "/api/logout", { token: tokens.revoked }));
  const readOnlyToken = async () =>
    (
      await ok(
        "read-only token",
        call(stack, "POST", "/api/tokens", { token: tokens.team, body: { name: "reader", scope: "read" } }),
      )
    ).token as string;
  tokens.readOnly = await readOnlyToken();
  ids.readOnly = ids.team;

  return {
    workspaceId: (await ok("me", call(stack, "GET", "/api/me", { token: tokens.admin })))
      .workspaceId as string,
    tokens,
    ids,
    /**
     * A fresh session for one caller (after a route ended theirs); the team member's logging out
     * everywhere also ends their read-only token, so both are renewed together.
     */
    async refresh(who: Who) {
      const person = personOf(who);
      const email = emails[person];
      if (!email || who === "deactivated" || who === "revoked") return;
      tokens[person] = (await login(stack, email, DEMO[person] ? undefined : OWN_PASSWORD)).token;
      if (person === "team") tokens.readOnly = await readOnlyToken();
    },
  };
}

/** The values a request's path and body may name, made on demand for one request. */
export function world(stack: Stack, people: People, path: string) {
  const made = new Map<string, Promise<string>>();
  const as = (who: Who) => people.tokens[who];
  /** What `who` made by sending `body` to `url`; a failure names `what`. */
  const by = (what: string, who: Who, method: string, url: string, body?: unknown) =>
    ok(what, call(stack, method, url, { token: as(who), body }));
  const inProject = async (rest: string) => `/api/projects/${await get("project")}${rest}`;
  const invite = (prefix: string) =>
    by("invite", "admin", "POST", "/api/invites", { email: uniqueEmail(prefix), role: "client" });
  const makers: Record<string, () => Promise<string>> = {
    project: async () => {
      const { id } = await by("project", "admin", "POST", "/api/projects", { name: "Matrix project" });
      for (const who of ASSIGNED)
        await by("assign", "admin", "PUT", `/api/projects/${id}/assignments/${people.ids[who]}`, {
          role: who,
        });
      return id;
    },
    workspace: async () => people.workspaceId,
    taskId: async () =>
      (await by("task", "admin", "POST", await inProject("/tasks"), { title: "Matrix task" })).id,
    messageId: async () =>
      (await by("message", "team", "POST", await inProject("/messages"), { body: "Matrix message" })).id,
    notificationId: async () => {
      const body = { body: "@team@demo.rehome.local please look" };
      await by("mention", "admin", "POST", await inProject("/messages"), body);
      return (await by("notifications", "team", "GET", "/api/notifications?limit=1")).items[0].id;
    },
    date: async () => freshDay(),
    changeOrderId: async () =>
      (await by("change order", "admin", "POST", await inProject("/change-orders"), changeOrderBody)).id,
    fileId: async () => {
      const file = { name: "matrix.png", contentType: "image/png", bytes: PNG };
      const done = await upload(stack, as("team") ?? "", await get("project"), file);
      if (done.status !== 200) throw new Error(`upload: ${done.status} ${JSON.stringify(done.body)}`);
      return done.body.id;
    },
    thread: async () => (await by("thread", "team", "POST", await inProject("/agent/threads"), {})).id,
    run: async () =>
      (
        await by("ask", "team", "POST", `/api/agent/threads/${await get("thread")}/messages`, {
          content: "Blocked tasks",
        })
      ).run.id,
    // A meeting summary of the team member's notes, written here: the route suites run no worker.
    summary: async () => {
      const meeting = { title: null, notes: "Action: order the tiles" };
      const project = await get("project");
      const { summaryId } = await by("meeting", "team", "POST", await inProject("/meetings"), {
        notes: meeting.notes,
      });
      await writeMeeting(people.workspaceId, project, summaryId, meeting);
      return summaryId;
    },
    proposal: async () => "0",
    draftId: async () =>
      (await by("draft", "team", "POST", await inProject("/drafts/client-update"))).draftId,
    inviteId: async () => (await invite("invitee")).id,
    inviteToken: async () => {
      const { email } = await invite("accepting");
      return (await linkToken(stack, email, "accept-invite")).token;
    },
    // A fresh person each time: the worker emails one reset link per person per window. The job
    // is what POST /api/password/forgot queues, handed to the worker (this stack runs none).
    resetToken: async () => {
      const { email } = await joinByInvite(stack, people.tokens.admin ?? "", "client", "reset");
      await deliverJob({ type: "password.reset", email, requestedAt: new Date().toISOString() });
      return (await linkToken(stack, email, "reset-password")).token;
    },
    // A calendar link's last segment, as calendar apps request it.
    calendarToken: async () => {
      const { url } = await by("calendar", "admin", "POST", await inProject("/calendar"), {});
      return new URL(url).pathname.split("/").at(-1) ?? "";
    },
    tokenId: async () =>
      (await by("api token", "team", "POST", "/api/tokens", { name: "matrix", scope: "write" })).info.id,
    // An assignment's user is an assigned participant; a user route's is a fresh invitee.
    userId: async () =>
      path.includes("/assignments/") ? (people.ids.client ?? "") : (await invite("user")).userId,
  };
  /**
   * An item of one variant, made by `by`'s session; internal items are made so by the admin. A
   * change order is internal while a draft: the admin sends the client-visible ones.
   */
  async function item(kind: Kind, variant: Variant): Promise<Made> {
    const creator = personOf(variant.by);
    const [plural] = PLURAL[kind];
    const { assigneeId } = subjectOf(variant, people.ids);
    let id: string;
    if (kind === "site_log") {
      // The day is the log's key: the writer chooses its visibility as they write it.
      id = freshDay();
      const body = { workDone: "Matrix day", clientVisible: variant.visible };
      await by(kind, creator, "PUT", await inProject(`/${plural}/${id}`), body);
      return { id, subject: subjectOf(variant, people.ids) };
    }
    if (kind === "file") {
      const file = { name: "matrix.png", contentType: "image/png", bytes: PNG };
      const done = await upload(stack, as(creator) ?? "", await get("project"), file);
      if (done.status !== 200) throw new Error(`upload: ${done.status} ${JSON.stringify(done.body)}`);
      id = done.body.id;
    } else {
      const body =
        kind === "task"
          ? { title: "Matrix task", assigneeId: assigneeId ?? undefined }
          : kind === "change_order"
            ? changeOrderBody
            : { body: "Matrix message" };
      id = (await by(kind, creator, "POST", await inProject(`/${plural}`), body)).id;
    }
    if (kind === "change_order") {
      if (variant.visible) await by("send", "admin", "POST", await inProject(`/${plural}/${id}/send`));
    } else if (!variant.visible)
      await by("internal", "admin", "PATCH", await inProject(`/${plural}/${id}`), { clientVisible: false });
    return { id, subject: subjectOf(variant, people.ids) };
  }
  const aliases: Record<string, string> = { id: "project", token: "calendarToken" };
  function get(name: string): Promise<string> {
    const key = aliases[name] ?? name;
    const maker = makers[key];
    if (!maker) throw new Error(`no fixture for {${name}}`);
    const value = made.get(key) ?? maker();
    made.set(key, value);
    return value;
  }
  return {
    get,
    item,
    ids: people.ids,
    /** The path with each `{param}` replaced by a fresh value. */
    async path(): Promise<string> {
      let result = path;
      for (const [, name] of path.matchAll(/\{(\w+)\}/g))
        result = result.replace(`{${name}}`, await get(name ?? ""));
      return result;
    },
  };
}

export type World = ReturnType<typeof world>;

/** An item as the permission table sees it, relative to a caller: who made it, whom it is assigned to, whether clients see it. */
export interface Variant {
  by: Who;
  assignee?: Who;
  visible: boolean;
}

/** An item made for a variant: its id and the facts the permission table decides on. */
export interface Made {
  id: string;
  subject: Required<Subject>;
}

/** The facts of a variant's item, known before it is made. */
export const subjectOf = (variant: Variant, ids: Partial<Record<Who, string>>): Required<Subject> => ({
  createdBy: ids[personOf(variant.by)] ?? null,
  assigneeId: variant.assignee ? (ids[personOf(variant.assignee)] ?? null) : null,
  clientVisible: variant.visible,
});

/** Where each kind of item lives under its project, and the path parameter naming one. */
export const PLURAL: Record<Kind, [string, string]> = {
  task: ["tasks", "taskId"],
  message: ["messages", "messageId"],
  file: ["files", "fileId"],
  change_order: ["change-orders", "changeOrderId"],
  site_log: ["site-log", "date"],
};

/** A day no other site log of this run has: each is a project's log of its own day. */
let days = 0;
export const freshDay = () => new Date(Date.UTC(2001, 0, 1 + days++)).toISOString().slice(0, 10);

/** A valid new change order, due far enough ahead never to expire during a run. */
export const changeOrderBody = { title: "Matrix change", costDelta: 125_000, decisionDue: "2099-12-31" };

/** The one error shape, with the request id, and no internals. */
export function isErrorShape(body: unknown): boolean {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  return (
    typeof error?.code === "string" &&
    typeof error.message === "string" &&
    typeof error.requestId === "string" &&
    error.requestId.length > 0 &&
    !/\bat .*\.ts:\d+|node_modules|ElectroError|ValidationException/.test(JSON.stringify(body))
  );
}
