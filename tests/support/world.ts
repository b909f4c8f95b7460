// The people and the fresh resources of route-by-route suites (authorization matrix, bad
// input): one person per kind of caller, and for each request whatever its path and body name
// — a project with one participant of each role, its task, message, file, thread, run… — all
// made through the API the way a person would, so every request meets realistic data.
import type { Stack } from "@rehome/local/stack";
import { PNG, upload } from "./files";
import { linkToken } from "./mail";
import { call, login } from "./stack";

export const WHO = [
  "admin",
  "otherAdmin",
  "team",
  "consultant",
  "client",
  "outsider",
  "deactivated",
  "revoked",
  "anonymous",
] as const;
export type Who = (typeof WHO)[number];

/** Signed-in callers of the project's workspace that are assigned to every fresh project. */
export const ASSIGNED = ["team", "consultant", "client"] as const;

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

export type People = Awaited<ReturnType<typeof meet>>;

/** Signs everyone in; the outsider, the deactivated person and the reset subject join by invite. */
export async function meet(stack: Stack) {
  const tokens: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};
  const emails: Partial<Record<Who, string>> = { ...DEMO };
  for (const [who, email] of Object.entries(DEMO) as [Who, string][]) {
    const session = await login(stack, email);
    tokens[who] = session.token;
    ids[who] = session.user.id;
  }
  const join = async (who: string, role: string) => {
    const email = uniqueEmail(who);
    await ok(
      `invite ${who}`,
      call(stack, "POST", "/api/invites", { token: tokens.admin, body: { email, role } }),
    );
    const { token } = await linkToken(stack, email, "accept-invite");
    const body = { token, name: `${who} person`, password: OWN_PASSWORD };
    const joined = await ok(`accept ${who}`, call(stack, "POST", "/api/invites/accept", { body }));
    return { email, token: joined.token as string, id: joined.user.id as string };
  };
  for (const who of ["outsider", "deactivated"] as const) {
    const person = await join(who, who === "outsider" ? "team" : "client");
    Object.assign(tokens, { [who]: person.token });
    Object.assign(ids, { [who]: person.id });
    Object.assign(emails, { [who]: person.email });
  }
  const resetSubject = await join("reset", "client");
  await ok(
    "deactivate",
    call(stack, "PATCH", `/api/users/${ids.deactivated}`, {
      token: tokens.admin,
      body: { status: "deactivated" },
    }),
  );
  tokens.revoked = (await login(stack, DEMO.consultant ?? "")).token;
  await ok("logout", call(stack, "POST", "/api/logout", { token: tokens.revoked }));

  return {
    workspaceId: (await ok("me", call(stack, "GET", "/api/me", { token: tokens.admin })))
      .workspaceId as string,
    tokens,
    ids,
    resetEmail: resetSubject.email,
    /** A fresh session for one caller (after a route ended theirs). */
    async refresh(who: Who) {
      const email = emails[who];
      if (!email || who === "deactivated" || who === "revoked") return;
      tokens[who] = (await login(stack, email, DEMO[who] ? undefined : OWN_PASSWORD)).token;
    },
  };
}

/** The values a request's path and body may name, made on demand for one request. */
export function world(stack: Stack, people: People, path: string) {
  const made = new Map<string, Promise<string>>();
  const as = (who: Who) => people.tokens[who];
  const makers: Record<string, () => Promise<string>> = {
    project: async () => {
      const project = await ok(
        "project",
        call(stack, "POST", "/api/projects", { token: as("admin"), body: { name: "Matrix project" } }),
      );
      for (const who of ASSIGNED)
        await ok(
          "assign",
          call(stack, "PUT", `/api/projects/${project.id}/assignments/${people.ids[who]}`, {
            token: as("admin"),
            body: { role: who },
          }),
        );
      return project.id;
    },
    workspace: async () => people.workspaceId,
    taskId: async () =>
      (
        await ok(
          "task",
          call(stack, "POST", `/api/projects/${await get("project")}/tasks`, {
            token: as("admin"),
            body: { title: "Matrix task" },
          }),
        )
      ).id,
    messageId: async () =>
      (
        await ok(
          "message",
          call(stack, "POST", `/api/projects/${await get("project")}/messages`, {
            token: as("team"),
            body: { body: "Matrix message" },
          }),
        )
      ).id,
    notificationId: async () => {
      const body = { body: "@team@demo.rehome.local please look" };
      await ok(
        "mention",
        call(stack, "POST", `/api/projects/${await get("project")}/messages`, { token: as("admin"), body }),
      );
      return (
        await ok("notifications", call(stack, "GET", "/api/notifications?limit=1", { token: as("team") }))
      ).items[0].id;
    },
    fileId: async () => {
      const file = { name: "matrix.png", contentType: "image/png", bytes: PNG };
      const done = await upload(stack, as("team") ?? "", await get("project"), file);
      if (done.status !== 200) throw new Error(`upload: ${done.status} ${JSON.stringify(done.body)}`);
      return done.body.id;
    },
    thread: async () =>
      (
        await ok(
          "thread",
          call(stack, "POST", `/api/projects/${await get("project")}/agent/threads`, {
            token: as("team"),
            body: {},
          }),
        )
      ).id,
    run: async () =>
      (
        await ok(
          "ask",
          call(stack, "POST", `/api/agent/threads/${await get("thread")}/messages`, {
            token: as("team"),
            body: { content: "Blocked tasks" },
          }),
        )
      ).run.id,
    inviteId: async () =>
      (
        await ok(
          "invite",
          call(stack, "POST", "/api/invites", {
            token: as("admin"),
            body: { email: uniqueEmail("invitee"), role: "client" },
          }),
        )
      ).id,
    inviteToken: async () => {
      const email = uniqueEmail("accepting");
      await ok(
        "invite",
        call(stack, "POST", "/api/invites", { token: as("admin"), body: { email, role: "client" } }),
      );
      return (await linkToken(stack, email, "accept-invite")).token;
    },
    resetToken: async () => {
      await ok("forgot", call(stack, "POST", "/api/password/forgot", { body: { email: people.resetEmail } }));
      return (await linkToken(stack, people.resetEmail, "reset-password")).token;
    },
    tokenId: async () =>
      (
        await ok(
          "api token",
          call(stack, "POST", "/api/tokens", { token: as("team"), body: { name: "matrix", scope: "write" } }),
        )
      ).info.id,
    // An assignment's user is an assigned participant; a user route's is a fresh invitee.
    userId: async () =>
      path.includes("/assignments/")
        ? (people.ids.client ?? "")
        : (
            await ok(
              "invitee",
              call(stack, "POST", "/api/invites", {
                token: as("admin"),
                body: { email: uniqueEmail("user"), role: "client" },
              }),
            )
          ).userId,
  };
  const aliases: Record<string, string> = { id: "project" };
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
