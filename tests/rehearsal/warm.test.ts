// A stage with warm hours, rehearsed: the HTTP API invokes the http function's `live` alias, whose
// provisioned sandboxes start with the rehearsal and warm up at init under the function's own role
// (the secrets, GET /health through every dependency, an unknown session), and the WebSocket API
// invokes ws-connect's and ws-default's, with zero AccessDenied.
// That the alias's own invoke permission is what admits the API: rehearsal/permissions.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BootedRehearsal, bootRehearsal, httpFunctionOf } from "../support/rehearsal";
import { call, login, openSocket } from "../support/stack";

const WARM = { sandboxes: 2, hours: "MON-SUN 00-23 UTC" };

const accessLines = (rehearsal: BootedRehearsal) =>
  rehearsal.logsOf(httpFunctionOf(rehearsal)?.name ?? "").flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

describe("a rehearsed stage with warm hours", () => {
  let rehearsal: BootedRehearsal;

  beforeAll(async () => {
    rehearsal = await bootRehearsal("warm", { warm: WARM });
  }, 180_000);
  afterAll(() => rehearsal?.stop());

  it("starts the alias's provisioned sandboxes warmed up, each under the function's role", () => {
    const warmUps = accessLines(rehearsal).filter((l) => l.requestId === "warm-up");
    const answered = warmUps.map((l) => `${l.path} ${l.status}`);
    expect(answered.filter((a) => a === "/health 200")).toHaveLength(WARM.sandboxes);
    expect(answered.filter((a) => a === "/api/projects 401")).toHaveLength(WARM.sandboxes);
    expect(
      accessLines(rehearsal).filter((l) => l.message === "warm-up failed; the first request tries again"),
    ).toEqual([]);
    expect(rehearsal.notes.some((n) => n.includes("provisioned concurrency schedule"))).toBe(true);
    expect(rehearsal.denials).toEqual([]);
  });

  it("answers through the alias: a sign-in and the projects, with no AccessDenied", async () => {
    const { token } = await login(rehearsal, "team@demo.rehome.local");
    const projects = await call(rehearsal, "GET", "/api/projects", { token });
    expect(projects.status).toBe(200);
    expect(projects.body.items.length).toBeGreaterThan(0);
    expect(rehearsal.denials).toEqual([]);
  });

  it("opens a socket and subscribes through the WebSocket API's aliases, each on its provisioned sandbox", async () => {
    for (const entry of ["wsconnect", "wsdefault"])
      expect(rehearsal.notes).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^not rehearsed: Functions${entry}\\w+'s provisioned concurrency schedule \\(its 1 sandboxes`,
          ),
        ),
      );
    expect(
      rehearsal.notes.some((n) => n.startsWith("Functionswsdisconnect") && n.includes("provisioned")),
    ).toBe(false);
    const { token, user } = await login(rehearsal, "team@demo.rehome.local");
    const socket = await openSocket(rehearsal, token);
    try {
      expect(await socket.subscribe(`private-users.${user.id}`)).toBe(true);
    } finally {
      socket.close();
    }
    expect(rehearsal.denials).toEqual([]);
  });
});
