// The stage as it deploys, rehearsed: every function of the synthesized template runs from its
// bundle under its own role, and the product's main paths work with zero AccessDenied — the
// `rehome smoke` stream, a board move reaching a subscriber, a file's upload and download, and the
// daily digest from its schedule through the queue to the worker. Writes the least-privilege
// report of what this suite used (npm run rehearse:report prints it).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smoke } from "../support/cli";
import { PNG, upload } from "../support/files";
import { type BootedRehearsal, bootRehearsal } from "../support/rehearsal";
import { call, login, openSocket } from "../support/stack";

const REPORT = resolve(import.meta.dirname, "../../.build/rehearsal/least-privilege.md");

let rehearsal: BootedRehearsal;
let token: string;
let kitchen: string;

beforeAll(async () => {
  rehearsal = await bootRehearsal("stage");
  token = (await login(rehearsal, "team@demo.rehome.local")).token;
  const projects = (await call(rehearsal, "GET", "/api/projects", { token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
}, 180_000);

afterAll(async () => {
  if (!rehearsal) return;
  await mkdir(dirname(REPORT), { recursive: true });
  await writeFile(REPORT, `${rehearsal.report()}\n`);
  await rehearsal.stop();
});

describe("the rehearsed stage", () => {
  it("runs every function of the template but the deploy-time handlers, each from its staged bundle", () => {
    const declared = Object.entries(rehearsal.template.Resources)
      .filter(([, r]) => r.Type === "AWS::Lambda::Function")
      .map(([id]) => id);
    const rehearsed = rehearsal.functions.map((f) => f.logicalId);
    expect(rehearsed.length).toBeGreaterThanOrEqual(6);
    expect(declared).toEqual(expect.arrayContaining(rehearsed));
    const skipped = declared.filter((id) => !rehearsed.includes(id));
    expect(rehearsal.notes.filter((n) => n.includes("deploy-time"))).toHaveLength(skipped.length);
  });

  it("passes rehome smoke with no AccessDenied", async () => {
    const result = await smoke(rehearsal.url, "team@demo.rehome.local", "rehome-demo");
    expect(result.stderr).not.toContain("✗");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("smoke test passed");
    expect(rehearsal.denials).toEqual([]);
  });

  it("delivers a board move to a subscriber through the http function's @connections rights", async () => {
    const socket = await openSocket(rehearsal, token);
    try {
      expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);
      const created = await call(rehearsal, "POST", `/api/projects/${kitchen}/tasks`, {
        token,
        body: { title: "Rehearsed move" },
      });
      expect(created.status).toBe(201);
      const moved = await call(rehearsal, "PATCH", `/api/projects/${kitchen}/tasks/${created.body.id}`, {
        token,
        body: { status: "in_progress" },
      });
      expect(moved.status).toBe(200);
      const event = await socket.waitFor((f) => f.event === "task.moved" && f.data.id === created.body.id);
      expect(event.data.status).toBe("in_progress");
    } finally {
      socket.close();
    }
    expect(rehearsal.denials).toEqual([]);
  });

  it("uploads a file by presigned POST and downloads it by presigned GET, signed by the http function", async () => {
    const done = await upload(rehearsal, token, kitchen, {
      name: "plan.png",
      contentType: "image/png",
      bytes: PNG,
    });
    expect(done.status).toBe(200);
    const link = await call(rehearsal, "GET", `/api/projects/${kitchen}/files/${done.body.id}/download`, {
      token,
    });
    const object = await fetch(link.body.url);
    expect(object.status).toBe(200);
    expect(new Uint8Array(await object.arrayBuffer())).toEqual(PNG);
    expect(rehearsal.denials).toEqual([]);
  });

  it("fires the daily schedule: the digest function queues a job per project and the worker writes the digests", async () => {
    const daily = rehearsal.schedules.find((s) => s.expression === "cron(0 7 * * ? *)");
    expect(daily).toBeDefined();
    const [result] = (await rehearsal.fire(daily?.logicalId ?? "")) as { queued: number }[];
    expect(result?.queued).toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          (await call(rehearsal, "GET", `/api/projects/${kitchen}/summaries`, { token })).body.items,
        {
          timeout: 30_000,
          interval: 500,
        },
      )
      .not.toHaveLength(0);
    expect(rehearsal.denials).toEqual([]);
  });
});
