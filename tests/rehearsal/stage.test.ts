// The stage as it deploys, rehearsed: every function of the synthesized template runs from its
// bundle under its own role, and the product's main paths work with zero AccessDenied — the
// `rehome smoke` stream, a board move reaching a subscriber, a file's upload and download, and the
// daily digest from its schedule through the queue to the worker. Writes the least-privilege
// report of what this suite used (npm run rehearse:report prints it).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_SITE, writeBuiltSite } from "../support/built-site";
import { smoke } from "../support/cli";
import { PNG, upload } from "../support/files";
import { linkToken } from "../support/mail";
import { type BootedRehearsal, bootRehearsal, httpFunctionOf } from "../support/rehearsal";
import { call, login, openSocket } from "../support/stack";

const REPORT = resolve(import.meta.dirname, "../../.build/rehearsal/least-privilege.md");

let rehearsal: BootedRehearsal;
let token: string;
let kitchen: string;

beforeAll(async () => {
  // A small build of its own: what the site serves is then the same with or without `npm run build -w web`.
  const webDist = await writeBuiltSite(
    resolve(import.meta.dirname, "../../.build/rehearsal-tests/stage/web"),
  );
  rehearsal = await bootRehearsal("stage", { webDist });
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

  it("serves the SPA as its deployments leave the bucket: the objects, their encoding and their caching", async () => {
    const get = async (key: string) => {
      const response = await fetch(`${rehearsal.url}/${key}`);
      const headers = Object.fromEntries(
        ["cache-control", "content-encoding", "content-type"].map((h) => [h, response.headers.get(h)]),
      );
      // fetch decodes what was gzipped: the bytes are the build's, the length what was sent.
      const body = Buffer.from(await response.arrayBuffer());
      return { status: response.status, headers, body, sent: Number(response.headers.get("content-length")) };
    };
    const immutable = "public, max-age=31536000, immutable";
    const page = await get("index.html");
    expect(page.headers).toEqual({
      "cache-control": "no-cache",
      "content-encoding": null,
      "content-type": expect.stringMatching(/^text\/html/),
    });
    expect(page.body.toString()).toBe(BUILT_SITE["index.html"]);
    for (const [key, type] of [
      ["assets/index-3f2a.js", /^text\/javascript/],
      ["assets/index-9c1e.css", /^text\/css/],
    ] as const) {
      const asset = await get(key);
      expect(asset.headers).toEqual({
        "cache-control": immutable,
        "content-encoding": "gzip",
        "content-type": expect.stringMatching(type),
      });
      expect(asset.body.toString()).toBe(BUILT_SITE[key]);
      expect(asset.sent).toBeLessThan(asset.body.length / 3);
    }
    const image = await get("assets/photo-77b0.png");
    expect(image.headers).toEqual({
      "cache-control": immutable,
      "content-encoding": null,
      "content-type": "image/png",
    });
    expect(image.body).toEqual(Buffer.from(BUILT_SITE["assets/photo-77b0.png"] as Uint8Array));
    // The stage's config, its API's address filled in at deploy: here the rehearsal's own.
    const config = await get("config.json");
    expect(config.headers["cache-control"]).toBe("no-cache, no-store");
    expect(JSON.parse(config.body.toString())).toEqual({ apiUrl: rehearsal.url, stage: "rehearsal" });
    // No index document and no fallback: a path that is not an object is S3's AccessDenied.
    const route = await get("admin/cost");
    expect(route.status).toBe(403);
    expect(route.body.toString()).toContain("<Code>AccessDenied</Code>");
  });

  it("passes rehome smoke with no AccessDenied", async () => {
    const result = await smoke(rehearsal.url, "team@demo.rehome.local", "rehome-demo");
    expect(result.stderr).not.toContain("✗");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("smoke test passed");
    expect(rehearsal.denials).toEqual([]);
  });

  it("sends a password reset from the worker, and reads the http function's Resend key under its role on its first email, an invitation, not before", async () => {
    const http = httpFunctionOf(rehearsal)?.name;
    const readsKey = () =>
      rehearsal.used.some((c) => c.function === http && c.action === "secretsmanager:GetSecretValue");
    // Smoke ran above: requests that send no email never waited for Secrets Manager.
    expect(readsKey()).toBe(false);
    const forgot = await call(rehearsal, "POST", "/api/password/forgot", {
      body: { email: "client@demo.rehome.local" },
    });
    expect(forgot.status).toBe(202);
    const { url } = await linkToken(rehearsal, "client@demo.rehome.local", "reset-password");
    expect(url.startsWith(`${rehearsal.webUrl}#/reset-password?token=`)).toBe(true);
    // The http function only queued the reset: the worker sent it.
    expect(readsKey()).toBe(false);
    const admin = (await login(rehearsal, "admin@demo.rehome.local")).token;
    const invited = await call(rehearsal, "POST", "/api/invites", {
      token: admin,
      body: { email: "rehearsed-invite@example.com", role: "client" },
    });
    expect(invited.status).toBe(201);
    expect(readsKey()).toBe(true);
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
