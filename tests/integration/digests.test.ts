// Scheduled digests end to end: the schedule fans out one job per project, the worker writes
// each digest, subscribers hear agent.summary.ready, and only those who may read them can.
import { Summary } from "@rehome/core/summary";
import { handler as runSchedule } from "@rehome/functions/digest-schedule";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, openSocket, type Stack } from "../support/stack";

let stack: Stack;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

beforeAll(async () => {
  stack = await bootStack();
});
afterAll(() => stack?.stop());

describe("digests", () => {
  it("a daily run writes each project's digest, announces it and shows it to its participants only", async () => {
    const client = await login(stack, "client@demo.rehome.local");
    const [kitchen] = (await call(stack, "GET", "/api/projects", { token: client.token })).body.items;
    const socket = await openSocket(stack, client.token);
    await socket.subscribe(`private-projects.${kitchen.id}`);

    const { queued } = await runSchedule({
      source: "test",
      "detail-type": "digest",
      detail: { kind: "daily" },
    });
    expect(queued).toBe(4);
    const ready = await socket.waitFor((f) => f.event === "agent.summary.ready", 15_000);
    expect(ready.data).toMatchObject({ projectId: kitchen.id, kind: "daily" });
    expect(ready.data.content).toContain("Where things stand");
    expect(ready.data.content).not.toMatch(/@demo\.rehome\.local/);
    // Dates read as people say them ("due in 3 days", "Fri 11 Dec"), in the title and the text.
    expect(ready.data.content).toMatch(/\bdue (today|tomorrow|in \d+ days|\w{3} \d{1,2} \w{3})|overdue by/);
    expect(`${ready.data.title}\n${ready.data.content}`).not.toMatch(ISO_DATE);

    const listed = await call(stack, "GET", `/api/projects/${kitchen.id}/summaries`, { token: client.token });
    expect(listed.body.items[0].id).toBe(ready.data.id);
    const northwind = await login(stack, "admin@northwind.rehome.local");
    expect(
      (await call(stack, "GET", `/api/projects/${kitchen.id}/summaries`, { token: northwind.token })).status,
    ).toBe(404);
    socket.close();
  });

  it("the weekly rollup is announced live to the workspace's admins only, and readable by them only", async () => {
    const admin = await login(stack, "admin@demo.rehome.local");
    const team = await login(stack, "team@demo.rehome.local");
    const northwind = await login(stack, "admin@northwind.rehome.local");
    const sockets = await Promise.all([admin, team, northwind].map((p) => openSocket(stack, p.token)));
    const [adminSocket, teamSocket, northwindSocket] = sockets;
    for (const [socket, person] of [
      [adminSocket, admin],
      [teamSocket, team],
      [northwindSocket, northwind],
    ] as const)
      expect(await socket?.subscribe(`private-users.${person.user.id}`)).toBe(true);

    await runSchedule({ source: "test", "detail-type": "digest", detail: { kind: "weekly" } });
    const ready = await adminSocket?.waitFor((f) => f.event === "agent.summary.ready", 15_000);
    expect(ready?.channel).toBe(`private-users.${admin.user.id}`);
    expect(ready?.data).toMatchObject({ kind: "weekly", projectId: null, audience: "staff" });
    expect(ready?.data.title).toMatch(/^Weekly rollup — week of Mon \d{1,2} \w{3}$/);
    expect(`${ready?.data.title}\n${ready?.data.content}`).not.toMatch(ISO_DATE);
    const path = `/api/workspaces/${admin.user.workspaceId}/summaries`;
    expect((await call(stack, "GET", path, { token: admin.token })).body.items[0].id).toBe(ready?.data.id);
    // Northwind's own rollup reaches its admin; the demo rollup reaches nobody but demo admins.
    await northwindSocket?.waitFor((f) => f.event === "agent.summary.ready", 15_000);
    expect(northwindSocket?.frames.some((f) => f.data?.id === ready?.data.id)).toBe(false);
    expect(teamSocket?.frames.filter((f) => f.event === "agent.summary.ready")).toEqual([]);

    expect((await call(stack, "GET", path, { token: team.token })).status).toBe(403);
    expect((await call(stack, "GET", path, { token: northwind.token })).status).toBe(404);
    for (const socket of sockets) socket.close();
  });

  it("an admin can have this week's rollup written now, and nobody else can", async () => {
    const admin = await login(stack, "admin@demo.rehome.local");
    const path = `/api/workspaces/${admin.user.workspaceId}/summaries`;
    const asked = await call(stack, "POST", path, { token: admin.token });
    expect(asked.status).toBe(202);
    await expect
      .poll(
        async () =>
          (await call(stack, "GET", path, { token: admin.token })).body.items.some(
            (s: { id: string; kind: string }) => s.id === asked.body.summaryId && s.kind === "weekly",
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    // Asking again the same week is the same rollup, not a second one.
    const again = await call(stack, "POST", path, { token: admin.token });
    expect(again.status).toBe(202);
    expect(again.body.summaryId).toBe(asked.body.summaryId);
    const rollups = (await call(stack, "GET", path, { token: admin.token })).body.items;
    expect(rollups.filter((s: { id: string }) => s.id === asked.body.summaryId)).toHaveLength(1);

    const team = await login(stack, "team@demo.rehome.local");
    const refused = await call(stack, "POST", path, { token: team.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "forbidden", message: expect.any(String) });
  });

  it("the week a rollup is asked for starts on the Monday before it (UTC)", () => {
    expect(Summary.weekStart(new Date("2026-12-02T08:00:00Z"))).toBe("2026-11-30");
    expect(Summary.weekStart(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
    expect(Summary.weekStart(new Date("2026-12-06T23:59:59Z"))).toBe("2026-11-30");
  });
});
