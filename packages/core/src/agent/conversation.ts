// Asking the agent: a question becomes a user message, a streaming assistant message and a
// queued run, then one SQS job. The worker answers; this module never calls a provider.
import * as z from "zod";
import type { Actor } from "../actor";
import { Audit } from "../audit";
import { Budget } from "../budget";
import { config } from "../config";
import { notFound, VisibleError } from "../error";
import { requireUser, requireWrite, workspaceOf } from "../policy";
import { Usage } from "../usage";
import { createId, nowIso } from "../util";
import { check as checkBreaker } from "./breaker";
import { AgentMessageEntity, RunEntity, RunStatuses } from "./entity";
import { enqueue } from "./job";
import { AgentMessage } from "./message";
import { modelsFor } from "./models";
import { get as getThread, nameAfter, own as ownThread, requireOpen } from "./thread";

export const AgentRun = z
  .object({
    id: z.string(),
    threadId: z.string(),
    messageId: z.string(),
    status: z.enum(RunStatuses),
    provider: z.string(),
    model: z.string(),
    tokensIn: z.number(),
    tokensOut: z.number(),
    cacheWriteTokens: z.number(),
    cacheReadTokens: z.number(),
    costCents: z.number(),
    contextUsed: z.array(z.string()),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "AgentRun" });
export type AgentRun = z.infer<typeof AgentRun>;

export const AskInput = z
  .object({ content: z.string().trim().min(1).max(4000) })
  .strict()
  .meta({ id: "AskAgentInput" });

export const Asked = z
  .object({ userMessage: AgentMessage, assistantMessage: AgentMessage, run: AgentRun })
  .meta({ id: "AgentAsked" });

type MessageItem = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof AgentMessageEntity>["get"]>["go"]>>["data"]
>;
type RunItem = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof RunEntity>["get"]>["go"]>>["data"]
>;

export const toMessage = (m: MessageItem): AgentMessage => ({
  id: m.messageId,
  threadId: m.threadId,
  role: m.role,
  authorId: m.authorId ?? null,
  content: m.content ?? "",
  status: m.status,
  lastSeq: m.lastSeq ?? 0,
  runId: m.runId ?? null,
  model: m.model ?? null,
  citations: m.citations ?? [],
  citedProjects: (m.citedProjects as Record<string, string> | undefined) ?? {},
  createdAt: m.createdAt,
});

export const toRun = (r: RunItem): AgentRun => ({
  id: r.runId,
  threadId: r.threadId,
  messageId: r.messageId,
  status: r.status,
  provider: r.provider,
  model: r.model,
  tokensIn: r.tokensIn ?? 0,
  tokensOut: r.tokensOut ?? 0,
  cacheWriteTokens: r.cacheWriteTokens ?? 0,
  cacheReadTokens: r.cacheReadTokens ?? 0,
  costCents: r.costCents ?? 0,
  contextUsed: r.contextUsed ?? [],
  createdAt: r.createdAt,
  startedAt: r.startedAt ?? null,
  finishedAt: r.finishedAt ?? null,
  error: r.error ?? null,
});

export async function ask(actor: Actor, threadId: string, input: z.input<typeof AskInput>) {
  const user = requireUser(actor);
  requireWrite(actor);
  const { content } = AskInput.parse(input);
  const thread = await ownThread(actor, threadId);
  requireOpen(thread);
  const { ai } = config();
  if (!ai.enabled) throw new VisibleError("agent.disabled", "The assistant is switched off for now.", 503);
  // Before the rate limits: a question refused for a spent budget uses up no question.
  await Budget.ensureAvailable(user);
  const models = await modelsFor(user.workspaceId);
  await checkBreaker(models);
  await Usage.consume([
    {
      key: `agent:user:${user.userId}:minute`,
      max: ai.limits.perUserMinute,
      windowSeconds: 60,
      message: "You are asking faster than the assistant allows. Wait a moment.",
    },
    {
      key: `agent:user:${user.userId}:day`,
      max: ai.limits.perUserDay,
      windowSeconds: 86_400,
      message: "You have reached today's limit of questions.",
    },
    {
      key: `agent:workspace:${user.workspaceId}:day`,
      max: ai.limits.perWorkspaceDay,
      windowSeconds: 86_400,
      message: "Your workspace has reached today's limit of questions.",
    },
  ]);
  const now = nowIso();
  const workspaceId = user.workspaceId;
  const userMessage = {
    workspaceId,
    threadId: thread.id,
    messageId: createId(),
    role: "user" as const,
    authorId: user.userId,
    content,
    status: "completed" as const,
    lastSeq: 0,
    citations: [],
    createdAt: now,
    updatedAt: now,
  };
  const runId = createId();
  const assistantMessage = {
    workspaceId,
    threadId: thread.id,
    messageId: createId(),
    role: "assistant" as const,
    content: "",
    status: "streaming" as const,
    lastSeq: 0,
    runId,
    citations: [],
    createdAt: now,
    updatedAt: now,
  };
  const run = {
    workspaceId,
    runId,
    threadId: thread.id,
    messageId: assistantMessage.messageId,
    userId: user.userId,
    question: content,
    status: "queued" as const,
    provider: ai.provider,
    model: models[0] ?? ai.model,
    ...Budget.NO_TOKENS,
    costCents: 0,
    contextUsed: [],
    cancelRequested: false,
    attempts: 0,
    createdAt: now,
  };
  await AgentMessageEntity().put([userMessage, assistantMessage]).go();
  await nameAfter(thread, workspaceId, content);
  await RunEntity().create(run).go();
  if (user.role === "admin") await auditQuestion(actor, thread.id, runId, content);
  await enqueue({ type: "agent.run", workspaceId, runId });
  return {
    userMessage: toMessage(userMessage),
    assistantMessage: toMessage(assistantMessage),
    run: toRun(run),
  };
}

const AUDITED_QUESTION_CHARS = 200;

/**
 * An admin's questions are on the audit log wherever they ask: the admin agent reads the whole
 * workspace, and in a project an admin reads everything a participant may not.
 */
async function auditQuestion(actor: Actor, threadId: string, runId: string, question: string) {
  const summary =
    question.length > AUDITED_QUESTION_CHARS ? `${question.slice(0, AUDITED_QUESTION_CHARS - 1)}…` : question;
  await Audit.record(actor, {
    action: "agent.asked",
    targetType: "agentThread",
    targetId: threadId,
    summary,
    details: { runId, threadId },
  });
}

/**
 * A thread's messages, oldest first; a streaming answer shows its checkpoint and last seq. An
 * admin reading another person's thread is written to the audit log.
 */
export async function messages(actor: Actor, threadId: string) {
  const thread = await getThread(actor, threadId);
  // Someone else's conversation opens only for an admin, and only on the record.
  if (actor.type === "user" && actor.userId !== thread.createdBy)
    await Audit.record(actor, {
      action: "agent.thread_read",
      targetType: "agentThread",
      targetId: thread.id,
      summary: `Read the conversation "${thread.title}"`,
      details: { threadId: thread.id, authorId: thread.createdBy },
    });
  const { data } = await AgentMessageEntity()
    .query.primary({ workspaceId: workspaceOf(actor), threadId: thread.id })
    .go({ pages: "all" });
  return { items: data.map(toMessage) };
}

/** Asks the worker to stop; it aborts the provider request and ends the message `cancelled`. */
export async function cancel(actor: Actor, runId: string): Promise<AgentRun> {
  requireWrite(actor);
  const workspaceId = workspaceOf(actor);
  const { data } = await RunEntity().get({ workspaceId, runId }).go();
  if (!data) throw notFound("run");
  await ownThread(actor, data.threadId);
  if (data.status !== "queued" && data.status !== "running") return toRun(data);
  const { data: updated } = await RunEntity()
    .patch({ workspaceId, runId })
    .set({ cancelRequested: true })
    .go({ response: "all_new" });
  return toRun(updated as RunItem);
}
