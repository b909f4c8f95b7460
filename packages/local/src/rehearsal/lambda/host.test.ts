// A rehearsed function's sandboxes behave as Lambda's: one init then invocations in the same
// process, a timeout that stops the handler (the next invocation starts cold), and an init
// failure that names the function.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FunctionHost, type FunctionSpec, hostFunction } from "./host";
import { buildRuntime } from "./node";
import { stageTasks } from "./task";

let dir: string;
let runtimeFile: string;
const hosts: FunctionHost[] = [];

const HANDLERS = {
  counter: `let inits = 0; inits++; let calls = 0;
export const handler = async (event) => {
  if (event.sleepMs) await new Promise((r) => setTimeout(r, event.sleepMs));
  return { inits, calls: ++calls, pid: process.pid, region: process.env.AWS_REGION, stage: process.env.STAGE };
};`,
  broken: `throw new Error("cannot read config at import");`,
  // Says who it is as its init starts, then takes a while to finish it.
  slowInit: `import { writeFileSync } from "node:fs";
writeFileSync(process.env.PID_FILE, String(process.pid));
await new Promise((r) => setTimeout(r, 1_000));
export const handler = async () => ({ pid: process.pid });`,
  // Lambda's runtime provides the AWS SDK on NODE_PATH (ReHome's bundles carry their own, infra/bundle.ts).
  resolver: `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const found = (name) => { try { require.resolve(name); return true; } catch { return false; } };
export const handler = async () => ({ sdk: found("@aws-sdk/client-dynamodb"), zod: found("zod") });`,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rehome-host-"));
  runtimeFile = await buildRuntime(dir);
  for (const [name, code] of Object.entries(HANDLERS)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, "index.mjs"), code);
  }
});
afterAll(() => Promise.all(hosts.map((h) => h.stop())));

function host(
  name: keyof typeof HANDLERS,
  overrides: Partial<FunctionSpec> = {},
  onFailure: (error: Error) => void = () => undefined,
) {
  const started = hostFunction(
    {
      logicalId: name,
      name: `fn-${name}`,
      arn: `arn:aws:lambda:us-east-1:000000000000:function:fn-${name}`,
      root: join(dir, name),
      handler: "index.handler",
      runtime: "nodejs22.x",
      timeoutSeconds: 1,
      memoryMb: 128,
      environment: { STAGE: "test" },
      credentials: { accessKeyId: "ASIATEST", secretAccessKey: "secret", sessionToken: "token" },
      logGroup: `/aws/lambda/fn-${name}`,
      region: "us-east-1",
      concurrency: 1,
      ...overrides,
    },
    { node: process.execPath, runtimeFile, onLog: () => undefined, onFailure },
  );
  hosts.push(started);
  return started;
}

describe("a rehearsed function's sandbox", () => {
  it("initializes once and keeps module state across invocations, with the template's and Lambda's variables", async () => {
    const fn = host("counter");
    const first = (await fn.invoke({})) as Record<string, unknown>;
    const second = (await fn.invoke({})) as Record<string, unknown>;
    expect(first).toMatchObject({ inits: 1, calls: 1, region: "us-east-1", stage: "test" });
    expect(second).toMatchObject({ inits: 1, calls: 2, pid: first.pid });
  });

  it("stops an invocation past the timeout, and the next one starts in a fresh sandbox", async () => {
    const fn = host("counter");
    const before = (await fn.invoke({})) as { pid: number };
    const started = Date.now();
    await expect(fn.invoke({ sleepMs: 5_000 })).rejects.toMatchObject({
      errorType: "Sandbox.Timedout",
      message: "Task timed out after 1.00 seconds",
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    const after = (await fn.invoke({})) as { pid: number; calls: number };
    expect(after.pid).not.toBe(before.pid);
    expect(after.calls).toBe(1);
  });

  it("resolves the AWS SDK from the runtime, as Lambda does, and no other package outside its bundle", async () => {
    const tasks = await stageTasks([join(dir, "resolver")]);
    try {
      const root = join(dir, "resolver");
      const fn = host("resolver", { root: tasks.taskRoot(root), nodePath: tasks.nodePath(root) });
      expect(await fn.invoke({})).toEqual({ sdk: true, zod: false });
    } finally {
      await tasks.remove();
    }
  });

  it("fails to warm a function whose bundle throws at import, naming the function", async () => {
    await expect(host("broken").warm()).rejects.toThrow(
      "fn-broken failed to initialize: cannot read config at import",
    );
  });

  it("stopped while a sandbox initializes, ends that sandbox and reports no failure of the function", async () => {
    const { fn, invoked, failures, pid } = await initializing("stopped");
    await fn.stop();
    await expect(invoked).rejects.toMatchObject({ errorType: "Rehearsal.Stopped" });
    expect(failures).toEqual([]);
    await expect.poll(() => isRunning(pid)).toBe(false);
  });

  it("takes a runtime ended from outside (SIGTERM, as a test runner ends its server) for the rehearsal stopping, not a failure", async () => {
    const { invoked, failures, pid } = await initializing("terminated");
    process.kill(pid, "SIGTERM");
    await expect(invoked).rejects.toMatchObject({
      errorType: "Rehearsal.Stopped",
      message: "fn-slowInit: the runtime was stopped during init (SIGTERM)",
    });
    expect(failures).toEqual([]);
  });
});

/** A slow-init function's first invocation, once its sandbox has begun to initialize. */
async function initializing(name: string) {
  const pidFile = join(dir, `${name}.pid`);
  const failures: Error[] = [];
  const fn = host("slowInit", { environment: { PID_FILE: pidFile } }, (error) => failures.push(error));
  const invoked = fn.invoke({});
  await expect.poll(() => readFile(pidFile, "utf8").catch(() => "")).not.toBe("");
  return { fn, invoked, failures, pid: Number(await readFile(pidFile, "utf8")) };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
