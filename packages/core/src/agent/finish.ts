// Ends a stream exactly once: one conditional write stores the final content and state (only
// the attempt holding the lease can make it), then the last delta carries `done: true`, and the
// run's cost (its tokens at its model's prices) goes on the run and, once, into the usage
// counters. The answer and the run both name the model that wrote it.
import { Budget } from "../budget";
import * as Metric from "../metrics";
import { Channel, publish } from "../realtime";
import { nowIso } from "../util";
import type { AgentContext } from "./context";
import { toMessage } from "./conversation";
import { AgentMessageEntity, RunEntity } from "./entity";
import { Events } from "./events";
import type { MessageKey } from "./lease";
import type { Usage } from "./providers/provider";

export interface Finish {
  key: MessageKey;
  ids: { threadId: string; messageId: string; runId: string };
  attempt: string;
  outcome: "completed" | "cancelled" | "failed" | "timed_out";
  error?: string;
  content: string;
  /** Seq of the last delta sent; the done delta takes the next one. */
  seq: number;
  /** The model that answered (or was last tried). */
  model: string;
  usage: Usage;
  /** What the answer's context held; none when it failed before the context was built. */
  citable?: Citable;
}

/** `[task:ID]`, `[message:ID]` and `[sitelog:ID]` references in an answer, for the SPA to link. */
export const citationsIn = (content: string) =>
  [...new Set(content.match(/\[(task|message|sitelog):[A-Za-z0-9_-]+\]/g) ?? [])].map((c) => c.slice(1, -1));

/** What an answer may cite: the tasks, messages and site logs its context held. */
export type Citable = Pick<AgentContext, "tasks" | "messages" | "siteLogs">;

/**
 * The project of each citation the context held, so the SPA can open it from a workspace-wide
 * answer. A citation of anything else (made up by the model) gets none and stays a plain label.
 */
export function citedProjects(content: string, citable: Citable): Record<string, string> {
  const where = new Map<string, string>([
    ...citable.tasks.map((t) => [`task:${t.id}`, t.projectId] as const),
    ...citable.messages.map((m) => [`message:${m.id}`, m.projectId] as const),
    ...citable.siteLogs.map((l) => [`sitelog:${l.id}`, l.projectId] as const),
  ]);
  return Object.fromEntries(
    citationsIn(content).flatMap((c) => {
      const projectId = where.get(c);
      return projectId ? [[c, projectId]] : [];
    }),
  );
}

/**
 * An answer's citations: only items its context held, which the asker could read, so a citation
 * never points at something they can't open (a made-up or guessed id is dropped).
 */
export function citationsOf(content: string, citable: Citable) {
  const projects = citedProjects(content, citable);
  return { citations: Object.keys(projects), citedProjects: projects };
}

export async function finish(f: Finish): Promise<boolean> {
  const seq = f.seq + 1;
  const finishedAt = nowIso();
  let stored: Parameters<typeof toMessage>[0];
  try {
    const { data } = await AgentMessageEntity()
      .patch(f.key)
      .set({
        content: f.content,
        lastSeq: seq,
        status: f.outcome,
        model: f.model,
        ...citationsOf(f.content, f.citable ?? { tasks: [], messages: [], siteLogs: [] }),
        updatedAt: finishedAt,
      })
      .where(
        ({ leaseOwner, status }, { eq }) => `${eq(leaseOwner, f.attempt)} AND ${eq(status, "streaming")}`,
      )
      .go({ response: "all_new" });
    stored = data as typeof stored;
  } catch {
    // Another attempt finished it: that one sent the done.
    return false;
  }
  const channel = Channel.agentThread(f.ids.threadId);
  await publish(channel, Events.Delta, { ...f.ids, role: "assistant", seq, delta: "", done: true });
  if (f.outcome === "completed") await publish(channel, Events.Completed, toMessage(stored));
  else if (f.outcome === "cancelled") await publish(channel, Events.Cancelled, f.ids);
  else await publish(channel, Events.Failed, { ...f.ids, error: f.error ?? f.outcome });
  const costCents = Budget.costOf(f.usage, f.model);
  const { data: run } = await RunEntity()
    .patch({ workspaceId: f.key.workspaceId, runId: f.ids.runId })
    .set({
      status: f.outcome,
      finishedAt,
      model: f.model,
      ...f.usage,
      costCents,
      ...(f.error ? { error: f.error } : {}),
    })
    .go({ response: "all_new" });
  await Budget.record({
    workspaceId: f.key.workspaceId,
    userId: run.userId,
    model: f.model,
    ...f.usage,
    costCents,
  });
  Metric.countBy("AgentRuns", "Status", f.outcome);
  Metric.count("CostCents", costCents);
  Metric.count("SocketMessagesPerAnswer", seq);
  return true;
}
