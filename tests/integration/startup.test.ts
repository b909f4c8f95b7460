// The local runtime while it starts: /health answers 503 "starting" (and the API 503 in the
// error shape) until the demo data is seeded, so whoever waits for /health to say ok (the e2e
// runner, a developer, `rehome health`) can sign in at once; the CLI tells "starting" apart
// from unhealthy.
import { createServer } from "node:net";
import { startHttp } from "@rehome/local/http";
import { describe, expect, it } from "vitest";
import { rehome } from "../support/cli";
import { bootStack } from "../support/stack";
import { isErrorShape } from "../support/world";

/** A port whose next four are free too: the stand-ins of a stack on a fixed port take them. */
async function freePortRun(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer()
        .once("error", () => resolve(false))
        .listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const checks = await Promise.all([0, 1, 2, 3, 4].map((offset) => free(base + offset)));
    if (checks.every(Boolean)) return base;
  }
}

describe("a stack that is starting", () => {
  it("says starting on /health until the demo data is seeded; once it says ok, the demo logins work", async () => {
    const port = await freePortRun();
    const url = `http://127.0.0.1:${port}`;
    const starting = bootStack({ port, worker: false });
    const answers: { status: number; body: { status?: string } }[] = [];
    let signIn = 0;
    for (let ready = false; !ready; ) {
      const response = await fetch(`${url}/health`).catch(() => undefined);
      if (!response) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      answers.push({ status: response.status, body: (await response.json()) as { status?: string } });
      ready = response.status === 200;
      if (ready) {
        signIn = (
          await fetch(`${url}/api/login`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ email: "team@demo.rehome.local", password: "rehome-demo" }),
          })
        ).status;
      }
    }
    const stack = await starting;
    try {
      expect(stack.seeded).toBe(true);
      expect(signIn).toBe(200);
      const waiting = answers.slice(0, -1);
      expect(waiting.length).toBeGreaterThan(0);
      for (const answer of waiting)
        expect(answer).toMatchObject({ status: 503, body: { status: "starting" } });
      expect(answers.at(-1)?.body.status).toBe("ok");
    } finally {
      await stack.stop();
    }
  }, 60_000);

  it("answers the API with 503 in the error shape, and `rehome health` says starting with exit code 2", async () => {
    // The front door before the stack mounts the API: what a caller meets during start-up.
    const door = await startHttp({ port: 0 });
    try {
      const api = await fetch(`${door.url}/api/me`);
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("1");
      const body = (await api.json()) as { error: { code: string } };
      expect(isErrorShape(body)).toBe(true);
      expect(body.error.code).toBe("starting");

      const health = await rehome("health", "--url", door.url);
      expect(health.code).toBe(2);
      expect(health.stderr).toContain(`stack at ${door.url} is starting, not ready yet`);
      expect(health.stderr).not.toContain("degraded");
    } finally {
      await door.stop();
    }
  });
});
