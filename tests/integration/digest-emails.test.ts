// Digest emails for people who opted in (PATCH /api/me {digestEmails}): a daily project digest goes
// to the project's opted-in participants and admins, the weekly rollup to opted-in admins, once
// per summary — SQS delivering the same digest job again sends nothing twice. Read in the mail capture.
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { handler as agentWorker } from "@rehome/functions/agent/worker";
import { handler as runSchedule } from "@rehome/functions/digest-schedule";
import type { SQSRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inbox } from "../support/mail";
import { bootStack, call, login, type Person, type Stack } from "../support/stack";
import { isErrorShape } from "../support/world";

let stack: Stack;
let sqs: SQSClient;
const people = {} as Record<"admin" | "team" | "consultant" | "client", Person>;
const email = (who: keyof typeof people) => `${who}@demo.rehome.local`;

beforeAll(async () => {
  // No worker: the test takes the digest jobs off the queue and delivers them itself, twice.
  stack = await bootStack({ worker: false });
  sqs = new SQSClient({ endpoint: stack.env.SQS_ENDPOINT, region: "us-east-1" });
  for (const who of ["admin", "team", "consultant", "client"] as const)
    people[who] = await login(stack, email(who));
});
afterAll(() => stack?.stop());

const patchMe = (token: string | undefined, body: unknown) =>
  call(stack, "PATCH", "/api/me", { token, body });

/** Runs the schedule, then hands every queued job to the worker `deliveries` times, as SQS may. */
async function runDigests(kind: "daily" | "weekly", deliveries = 1) {
  const { queued } = await runSchedule({ source: "test", "detail-type": "digest", detail: { kind } });
  const received = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: stack.env.AGENT_QUEUE_URL,
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ["All"],
    }),
  );
  const messages = received.Messages ?? [];
  expect(messages).toHaveLength(queued);
  for (let receive = 1; receive <= deliveries; receive++) {
    const Records = messages.map(
      (m) =>
        ({
          messageId: m.MessageId ?? "",
          receiptHandle: m.ReceiptHandle ?? "",
          body: m.Body ?? "",
          attributes: { ApproximateReceiveCount: String(receive) },
        }) as SQSRecord,
    );
    expect((await agentWorker({ Records })).batchItemFailures).toEqual([]);
  }
  await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: stack.env.AGENT_QUEUE_URL,
      Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? "" })),
    }),
  );
}

const subjects = async (who: keyof typeof people) =>
  (await inbox(stack, email(who))).map((m) => m.subject).sort();

describe("digest emails", () => {
  it("PATCH /api/me turns digest emails on, shows them in GET /api/me, and refuses bad input with the error shape", async () => {
    const { token } = people.client;
    expect((await call(stack, "GET", "/api/me", { token })).body.digestEmails).toBe(false);

    for (const bad of [{ digestEmails: "yes" }, {}, { role: "admin" }, { name: "" }]) {
      const refused = await patchMe(token, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(isErrorShape(refused.body)).toBe(true);
    }
    expect((await patchMe(undefined, { digestEmails: true })).status).toBe(401);
    expect((await call(stack, "GET", "/api/me", { token })).body).toMatchObject({
      role: "client",
      digestEmails: false,
    });

    const changed = await patchMe(token, { digestEmails: true, name: "Casey Client" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: people.client.user.id,
      name: "Casey Client",
      digestEmails: true,
    });
    expect((await call(stack, "GET", "/api/me", { token })).body).toMatchObject({ digestEmails: true });
  });

  it("the daily digests reach opted-in people for the projects they see, once, even when a job is delivered twice", async () => {
    expect((await patchMe(people.admin.token, { digestEmails: true })).status).toBe(200);
    expect((await patchMe(people.team.token, { digestEmails: false })).status).toBe(200);

    await runDigests("daily", 2);

    const client = await inbox(stack, email("client"));
    expect(client.map((m) => m.subject)).toEqual(["Daily digest — Kitchen remodel — Elm Street"]);
    const projects = (await call(stack, "GET", "/api/projects", { token: people.client.token })).body.items;
    expect(client[0]?.text).toContain(`${stack.url}/#/projects/${projects[0].id}`);
    expect(client[0]?.text).toContain("Where things stand");
    expect(client[0]?.text).not.toMatch(/@demo\.rehome\.local/);
    expect(await subjects("admin")).toEqual([
      "Daily digest — Bathroom refit — Oak Avenue",
      "Daily digest — Kitchen remodel — Elm Street",
      "Daily digest — Loft conversion — Birch Lane",
    ]);
    expect(await inbox(stack, email("consultant"))).toEqual([]);
    expect(await inbox(stack, email("team"))).toEqual([]);
    expect(await inbox(stack, "admin@northwind.rehome.local")).toEqual([]);

    // The second delivery wrote no second digest either.
    const digests = await call(stack, "GET", `/api/projects/${projects[0].id}/summaries`, {
      token: people.client.token,
    });
    expect(digests.body.items).toHaveLength(1);
  });

  it("the weekly rollup goes to opted-in admins only, and opting out stops the emails", async () => {
    await runDigests("weekly");
    const weekly = (await subjects("admin")).filter((s) => s.startsWith("Weekly rollup"));
    expect(weekly).toHaveLength(1);
    expect((await subjects("client")).filter((s) => s.startsWith("Weekly rollup"))).toEqual([]);

    expect((await patchMe(people.client.token, { digestEmails: false })).body.digestEmails).toBe(false);
    await runDigests("daily");
    expect(await subjects("client")).toHaveLength(1);
    expect((await subjects("admin")).filter((s) => s.startsWith("Daily digest"))).toHaveLength(6);
  });
});
