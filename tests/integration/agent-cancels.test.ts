// The process's one cancel watcher (agent/cancels.ts) against the local DynamoDB: a cancel
// stops that run only, within a poll or two, also among more runs than one BatchGetItem may ask for.
import { BATCH_GET_KEYS, CANCEL_POLL_MS, chunks, watchCancel } from "@rehome/core/agent/cancels";
import { RunEntity } from "@rehome/core/agent/entity";
import { createId, nowIso } from "@rehome/core/util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, type Stack } from "../support/stack";

let stack: Stack;

beforeAll(async () => {
  stack = await bootStack({ worker: false });
});
afterAll(() => stack?.stop());

const workspaceId = `ws-${createId()}`;

async function queuedRuns(count: number) {
  const runs = Array.from({ length: count }, () => ({
    workspaceId,
    runId: createId(),
    threadId: "thread",
    messageId: "message",
    userId: "user",
    question: "What is late?",
    status: "running" as const,
    provider: "offline",
    model: "offline",
    createdAt: nowIso(),
  }));
  await RunEntity().put(runs).go();
  return runs.map((run) => run.runId);
}

const requestCancel = (runId: string) =>
  RunEntity().patch({ workspaceId, runId }).set({ cancelRequested: true }).go();

/** Watches every run; `cancelled` holds the runs whose cancel the watcher noticed. */
function watchAll(runIds: string[]) {
  const cancelled = new Set<string>();
  const stops = runIds.map((runId) => watchCancel(workspaceId, runId, () => cancelled.add(runId)));
  return { cancelled, stop: () => stops.forEach((stop) => stop()) };
}

const PATIENCE_MS = 40 * CANCEL_POLL_MS;

const waitFor = async (done: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe("the shared cancel watcher", () => {
  it("splits the runs it watches into batches of at most 100 keys", () => {
    const sizes = chunks(
      Array.from({ length: 2 * BATCH_GET_KEYS + 1 }, (_, i) => i),
      BATCH_GET_KEYS,
    ).map((batch) => batch.length);
    expect(sizes).toEqual([BATCH_GET_KEYS, BATCH_GET_KEYS, 1]);
  });

  // How soon a cancel lands is the poll's business (CANCEL_POLL_MS) and a shared machine's load:
  // these wait generously and check which runs stop, not a latency.
  it("a cancel of one of several concurrent runs stops that one only", async () => {
    const runIds = await queuedRuns(5);
    const watch = watchAll(runIds);
    const target = runIds[2] ?? "";
    await requestCancel(target);
    await waitFor(() => watch.cancelled.size > 0, PATIENCE_MS);
    await new Promise((resolve) => setTimeout(resolve, 2 * CANCEL_POLL_MS));
    watch.stop();
    expect([...watch.cancelled]).toEqual([target]);
  });

  it("notices cancels in every batch when more than 100 runs are in flight", async () => {
    const runIds = await queuedRuns(BATCH_GET_KEYS + 30);
    const watch = watchAll(runIds);
    const targets = [runIds[0] ?? "", runIds.at(-1) ?? ""];
    await Promise.all(targets.map(requestCancel));
    await waitFor(() => watch.cancelled.size >= targets.length, PATIENCE_MS);
    watch.stop();
    expect([...watch.cancelled].sort()).toEqual([...targets].sort());
  });

  it("a run no longer watched is not cancelled", async () => {
    const [runId = ""] = await queuedRuns(1);
    const watch = watchAll([runId]);
    watch.stop();
    await requestCancel(runId);
    await new Promise((resolve) => setTimeout(resolve, 3 * CANCEL_POLL_MS));
    expect(watch.cancelled.size).toBe(0);
  });
});
