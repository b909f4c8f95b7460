// The ops CLI against a running local stack, as an operator runs it. Every command and subcommand
// of the CLI's own table runs here and must succeed saying what it did (a new one without a run
// below fails the suite); when something is wrong it fails with one clear line and exit code 1.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { createId } from "@rehome/core/util";
import { bundle } from "@rehome/infra/bundle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../packages/cli/src/commands";
import { rehome, rehomeWith, smoke } from "../support/cli";
import { bootStack, call, login, type Stack } from "../support/stack";

let stack: Stack;
let dataDir: string;
let firstSeed: Awaited<ReturnType<typeof rehome>>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "rehome-cli-"));
  // The local commands (seed, digest, dlq) find this stack by its env.json, as after `npm start`.
  process.env.REHOME_DATA_DIR = dataDir;
  stack = await bootStack({ dataDir, seed: false, env: { OFFLINE_TOKENS_PER_SEC: "400" } });
  firstSeed = await rehome("seed");
});
afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Each command line of the CLI's table: `health`, `digest run`, `dlq list`, … */
const invocations = Object.entries(commands).flatMap(([name, command]) =>
  command.actions ? command.actions.map((action) => `${name} ${action}`) : [name],
);

const TEAM = ["--email", "team@demo.rehome.local", "--password", "rehome-demo"];
const createToken = (...flags: string[]) => rehome("tokens", "create", "--url", stack.url, ...TEAM, ...flags);

/** The Kitchen project and a team member's token, to read its (staff) digests. */
async function kitchen() {
  const team = await login(stack, "team@demo.rehome.local");
  const projects: { id: string; name: string }[] = (
    await call(stack, "GET", "/api/projects", { token: team.token })
  ).body.items;
  const project = projects.find((p) => p.name.startsWith("Kitchen"));
  if (!project) throw new Error("the demo kitchen is missing");
  const summaries = async (): Promise<{ id: string; kind: string }[]> =>
    (await call(stack, "GET", `/api/projects/${project.id}/summaries`, { token: team.token })).body.items;
  return { workspaceId: team.user.workspaceId, projectId: project.id, summaries };
}

/** A daily digest job for Kitchen put straight on the dead-letter queue, as if it had failed three times. */
async function deadDigestJob() {
  const { workspaceId, projectId, summaries } = await kitchen();
  const job = { type: "digest.project", workspaceId, projectId, summaryId: createId() };
  const sent = await stack.queueClient.send(
    new SendMessageCommand({ QueueUrl: stack.env.AGENT_DLQ_URL, MessageBody: JSON.stringify(job) }),
  );
  return { messageId: sent.MessageId ?? "", summaryId: job.summaryId, summaries };
}

const FAILING = resolve(import.meta.dirname, "../support/failing-handler.ts");

/** The stack a deploy bundle of support/failing-handler.ts prints when it throws, bundled into `lambdas/failing`. */
async function failingStack(lambdas: string) {
  const { file } = await bundle(FAILING, join(lambdas, "failing"));
  const thrown = await promisify(execFile)(process.execPath, [
    "--input-type=module",
    "-e",
    `(await import(${JSON.stringify(file)})).handler()`,
  ]).catch((error: { stderr: string }) => error);
  const trace = join(lambdas, "trace.txt");
  await writeFile(trace, thrown.stderr);
  return trace;
}

/** What each command of the table does on a healthy stack, with the output that shows it. */
const runs: Record<string, () => Promise<void>> = {
  smoke: async () => {
    const result = await smoke(stack.url, "team@demo.rehome.local", "rehome-demo");
    expect(result.stderr).not.toContain("✗");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("in order, one done");
    expect(result.stdout).toContain("smoke test passed");
  },

  health: async () => {
    const result = await rehome("health", "--url", stack.url);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok\s+dynamodb/);
    expect(result.stdout).toContain("healthy");
  },

  seed: async () => {
    expect(firstSeed.stderr).not.toContain("✗");
    expect(firstSeed.code).toBe(0);
    expect(firstSeed.stdout).toContain("✓ demo data seeded");
    const again = await rehome("seed");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("✓ demo data already present; nothing written");
  },

  "digest run": async () => {
    const { summaries } = await kitchen();
    const daily = await rehome("digest", "run");
    expect(daily.stderr).not.toContain("✗");
    expect(daily.code).toBe(0);
    expect(daily.stdout).toContain('✓ daily digest jobs queued: {"kind":"daily","queued":4}');
    await expect.poll(summaries, { timeout: 15_000 }).toEqual([expect.objectContaining({ kind: "daily" })]);

    const weekly = await rehome("digest", "run", "--kind", "weekly");
    expect(weekly.code).toBe(0);
    expect(weekly.stdout).toContain('✓ weekly digest jobs queued: {"kind":"weekly","queued":2}');
    const admin = await login(stack, "admin@demo.rehome.local");
    const rollups = async () =>
      (
        await call(stack, "GET", `/api/workspaces/${admin.user.workspaceId}/summaries`, {
          token: admin.token,
        })
      ).body.items;
    await expect.poll(rollups, { timeout: 15_000 }).toEqual([expect.objectContaining({ kind: "weekly" })]);
  },

  "dlq list": async () => {
    const dead = await deadDigestJob();
    const result = await rehome("dlq", "list");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`${dead.messageId} {2}sent \\S+ {2}receives \\d+ {2}\\{"type":"digest.project"`),
    );
    expect(result.stdout).toContain("✓ 1 message(s) in the DLQ");
  },

  "dlq redrive": async () => {
    const dead = await deadDigestJob();
    const result = await rehome("dlq", "redrive");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ [1-9]\d* message\(s\) redriven/);
    // Back on the agent queue, the worker runs the job: the digest it names gets written.
    await expect
      .poll(async () => (await dead.summaries()).map((s) => s.id), { timeout: 15_000 })
      .toContain(dead.summaryId);
  },

  stack: async () => {
    const lambdas = join(dataDir, "lambdas");
    const trace = await failingStack(lambdas);
    // Minified, as CloudWatch shows it: `at Module.r (file:///…/index.mjs:2:20)`.
    expect(await readFile(trace, "utf8")).toMatch(/\(file:\/\/\S+\/index\.mjs:\d+:\d+\)/);
    const line =
      (await readFile(FAILING, "utf8")).split("\n").findIndex((l) => l.includes("throw new Error")) + 1;
    const result = await rehome("stack", "failing", trace, "--bundles", lambdas);
    expect(result.stderr).not.toContain("✗");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`at \\S+ \\(tests/support/failing-handler\\.ts:${line}:\\d+\\)`),
    );
    expect(result.stdout).toContain("The porch rail is loose");
    expect(result.stdout).toContain("✓ 1 of 1 frame(s) resolved");
  },

  "tokens create": async () => {
    const created = await createToken("--name", "smoke from CI", "--scope", "write", "--days", "1");
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/API token "smoke from CI" created: id \S+, scope write, expires/);
    expect(created.stdout.trim()).toMatch(/^[^\s.]+\.[^\s.]+$/);

    const result = await rehome("smoke", "--url", stack.url, "--token", created.stdout.trim());
    expect(result.stderr).not.toContain("✗");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("smoke test passed");
  },

  "tokens list": async () => {
    const created = await createToken("--name", "to list", "--scope", "write");
    const id = /id (\S+),/.exec(created.stderr)?.[1] ?? "";
    const listed = await rehome("tokens", "list", "--url", stack.url, ...TEAM);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+write\\s+expires \\S+\\s+to list`));
    expect(listed.stdout).toMatch(/✓ \d+ API token\(s\)/);
  },

  "tokens revoke": async () => {
    const created = await createToken("--name", "to revoke", "--scope", "write");
    const id = /id (\S+),/.exec(created.stderr)?.[1] ?? "";
    const revoked = await rehome("tokens", "revoke", id, "--url", stack.url, ...TEAM);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`API token ${id} revoked`);
    const smokeAfter = await rehome("smoke", "--url", stack.url, "--token", created.stdout.trim());
    expect(smokeAfter.code).toBe(1);
    expect(smokeAfter.stderr).toContain("401");
  },
};

describe("every command of the rehome CLI", () => {
  it.each(invocations)(
    "`rehome %s` succeeds on the local stack and says what it did",
    {
      timeout: 90_000,
    },
    async (invocation) => {
      const run = runs[invocation];
      expect(run, `no test runs \`rehome ${invocation}\`: add it to \`runs\``).toBeTypeOf("function");
      await run?.();
    },
  );

  it("tests only commands the CLI's table still has", () => {
    expect(invocations).toEqual(expect.arrayContaining(Object.keys(runs)));
  });

  it("--help lists every command of the table and exits 0; an unknown command prints it and exits 1", async () => {
    const help = await rehome("--help");
    expect(help.code).toBe(0);
    for (const invocation of invocations) expect(help.stdout).toContain(invocation);
    const unknown = await rehome("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe(help.stdout);
  });
});

describe("the rehome CLI when something is wrong", () => {
  it("smoke fails with a clear message when the stack is down", async () => {
    const result = await smoke("http://127.0.0.1:9", "a@b.c", "x");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stack is down.*cannot reach/);
  });

  it("smoke fails when the credentials are wrong, naming the API's error", async () => {
    const result = await smoke(stack.url, "team@demo.rehome.local", "wrong");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("auth.invalid_credentials");
  });

  it("a read-only token (the default scope) cannot run the smoke test, and smoke says why", async () => {
    const created = await createToken("--name", "read only");
    expect(created.stderr).toContain("scope read");
    const result = await rehome("smoke", "--url", stack.url, "--token", created.stdout.trim());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("This API token is read-only.");
  });

  it("tokens create refuses a missing name before calling the API", async () => {
    const result = await rehome("tokens", "create", "--url", stack.url, ...TEAM);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("give the token a --name");
  });

  it("a subcommand the table does not list is refused with the ones it does", async () => {
    for (const [name, command] of Object.entries(commands).filter(([, c]) => c.actions)) {
      const result = await rehome(name, "frobnicate");
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`usage: rehome ${name} ${command.actions?.join("|")}`);
    }
  });

  it("digest run refuses a kind other than daily or weekly", async () => {
    const result = await rehome("digest", "run", "--kind", "monthly");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--kind is daily or weekly");
  });

  it("stack says where the maps are missing, and when no frame is in the function's bundle", async () => {
    const lambdas = join(dataDir, "lambdas-wrong");
    const trace = await failingStack(lambdas);
    const missing = await rehome("stack", "http", trace, "--bundles", lambdas);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no source maps for http");
    const elsewhere = join(lambdas, "elsewhere.txt");
    await writeFile(elsewhere, "Error: x\n    at q (file:///var/task/chunks/gone-4AB2.mjs:1:5)\n");
    const other = await rehome("stack", "failing", elsewhere, "--bundles", lambdas);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("chunks/gone-4AB2.mjs:1:5");
    expect(other.stderr).toContain("none of the 1 frame(s) is in failing's bundle");
  });

  it("a local command without a local stack says to start one", async () => {
    const result = await rehomeWith({ REHOME_DATA_DIR: join(dataDir, "missing") }, "digest", "run");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no local stack found .*run `npm start` first/);
  });
});
