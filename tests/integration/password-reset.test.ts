// Forgot-password cannot find accounts or flood an inbox: the request does the same work for any
// email — its two rate-limit counters and one SendMessage, no read of people, links or mail — and
// answers 202 alike; the worker, given the job, emails active accounts only, at most once per
// person per window, leaving the link already sent working. No worker runs here: the test hands
// the queued jobs to it, so what a request did is all that the clients saw during it.
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { dynamo, sqs } from "@rehome/core/aws/clients";
import { RateLimit } from "@rehome/core/ratelimit";
import { handler as agentWorker } from "@rehome/functions/agent/worker";
import type { SQSRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverJob } from "../support/jobs";
import { inbox, linkToken } from "../support/mail";
import { bootStack, call, login, type Stack } from "../support/stack";

let stack: Stack;
let admin: string;
/** The AWS calls of the stack's clients while `recording` (commands, and each DynamoDB table). */
const calls: string[] = [];
let recording = false;

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = (await login(stack, "admin@demo.rehome.local")).token;
  const record = (name: string) => (next: any, context: any) => async (args: any) => {
    if (recording) calls.push(`${name} ${context.commandName} ${args.input.TableName ?? ""}`.trim());
    return next(args);
  };
  dynamo().middlewareStack.add(record("dynamodb"), { step: "initialize", name: "recordDynamo" });
  (await sqs()).client.middlewareStack.add(record("sqs"), { step: "initialize", name: "recordSqs" });
});
afterAll(() => stack?.stop());

const forgot = (email: string) => call(stack, "POST", "/api/password/forgot", { body: { email } });
const reset = (token: string) =>
  call(stack, "POST", "/api/password/reset", { body: { token, password: "a-long-new-password" } });
const resetEmails = async (email: string) =>
  (await inbox(stack, email)).filter((m) => m.text?.includes("#/reset-password?token="));

/** A forgot-password request with the AWS calls it made. */
async function recordedForgot(email: string) {
  calls.length = 0;
  recording = true;
  const answer = await forgot(email);
  recording = false;
  return { status: answer.status, body: answer.body, calls: [...calls] };
}

/** Takes every queued job off the queue and hands it to the worker, as the event source would. */
async function runQueuedJobs() {
  const { client } = await sqs();
  const QueueUrl = stack.env.AGENT_QUEUE_URL;
  const { Messages = [] } = await client.send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["All"] }),
  );
  const Records = Messages.map(
    (m) =>
      ({
        messageId: m.MessageId ?? "",
        body: m.Body ?? "",
        attributes: { ApproximateReceiveCount: "1" },
      }) as SQSRecord,
  );
  expect((await agentWorker({ Records })).batchItemFailures).toEqual([]);
  if (Messages.length > 0)
    await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? "" })),
      }),
    );
  return Messages.map((m) => JSON.parse(m.Body ?? ""));
}

/** The throttle counts per fixed window: start with time to spare in the current one. */
async function freshResetWindow() {
  const windowMs = RateLimit.RESET_EMAIL_WINDOW_SECONDS * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe("forgot password", () => {
  it("answers an active and an unknown email alike, with the same calls: no read of people or links, no email, one job", async () => {
    const active = await recordedForgot("team@demo.rehome.local");
    const unknown = await recordedForgot("nobody@example.com");
    expect(active).toEqual(unknown);
    expect(active.status).toBe(202);
    expect(active.body).toBeUndefined();
    // The IP and credential counters, then the job: nothing touches the Data table.
    expect(active.calls).toEqual([
      `dynamodb UpdateItemCommand ${stack.env.REALTIME_TABLE}`,
      `dynamodb UpdateItemCommand ${stack.env.REALTIME_TABLE}`,
      "sqs SendMessageCommand",
    ]);
    expect(await inbox(stack, "team@demo.rehome.local")).toEqual([]);

    const jobs = await runQueuedJobs();
    expect(jobs.map((j) => [j.type, j.email])).toEqual([
      ["password.reset", "team@demo.rehome.local"],
      ["password.reset", "nobody@example.com"],
    ]);
    expect(await resetEmails("team@demo.rehome.local")).toHaveLength(1);
    expect(await inbox(stack, "nobody@example.com")).toEqual([]);
  });

  it("sends one email per person per window: a second request sends nothing and the first link still works", async () => {
    await freshResetWindow();
    expect((await forgot("consultant@demo.rehome.local")).status).toBe(202);
    await runQueuedJobs();
    const { token } = await linkToken(stack, "consultant@demo.rehome.local", "reset-password");

    expect((await forgot("consultant@demo.rehome.local")).status).toBe(202);
    expect(await runQueuedJobs()).toHaveLength(1);
    expect(await resetEmails("consultant@demo.rehome.local")).toHaveLength(1);
    expect((await reset(token)).status).toBe(204);
    expect((await login(stack, "consultant@demo.rehome.local", "a-long-new-password")).user.role).toBe(
      "consultant",
    );
  });

  it("emails no invited or deactivated person, and drops a request older than a link lives", async () => {
    const invited = "invited-reset@example.com";
    await call(stack, "POST", "/api/invites", { token: admin, body: { email: invited, role: "client" } });
    const client = await login(stack, "client@demo.rehome.local");
    const deactivated = await call(stack, "PATCH", `/api/users/${client.user.id}`, {
      token: admin,
      body: { status: "deactivated" },
    });
    expect(deactivated.status).toBe(200);
    for (const email of [invited, "client@demo.rehome.local"]) {
      expect((await forgot(email)).status).toBe(202);
      await runQueuedJobs();
      expect(await resetEmails(email)).toEqual([]);
    }

    const hoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const stale = { type: "password.reset", email: "admin@demo.rehome.local", requestedAt: hoursAgo };
    expect((await deliverJob(stale)).batchItemFailures).toEqual([]);
    expect(await resetEmails("admin@demo.rehome.local")).toEqual([]);
  });
});
