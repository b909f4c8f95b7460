// Milestone summaries end to end: moving a task labelled `milestone` to done queues one job, the
// worker writes the project's summary for staff and one for its clients, each audience hears its
// own, and a job delivered twice writes nothing more. Of an internal milestone clients get nothing.

import { Summary } from "@rehome/core/summary";
import { Task } from "@rehome/core/task";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverJob } from "../support/jobs";
import { inbox } from "../support/mail";
import { bootStack, call, login, openSocket, type Person, type Stack, succeed } from "../support/stack";

let stack: Stack;
let admin: Person;
let client: Person;
let kitchen: string;

const api = (person: Person, method: string, path: string, body?: unknown) =>
  succeed(stack, person, method, path, body);

type Frame = { event: string; data: { kind?: string } };
/** Sockets of `people`, each subscribed to the kitchen's project channel. */
async function watchingKitchen(...people: Person[]) {
  const sockets = await Promise.all(people.map((p) => openSocket(stack, p.token)));
  for (const socket of sockets) expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);
  return sockets;
}
const isMilestone = (f: Frame) => f.event === "agent.summary.ready" && f.data.kind === "milestone";

const milestonesListed = async (person: Person) =>
  (await api(person, "GET", `/api/projects/${kitchen}/summaries`)).items.filter(
    (s: { kind: string }) => s.kind === "milestone",
  );

beforeAll(async () => {
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  [{ id: kitchen }] = (await api(client, "GET", "/api/projects")).items;
});
afterAll(() => stack?.stop());

describe("milestone summaries", () => {
  it("a milestone task moving to done writes the staff and client summaries once, each to its audience", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const secret = await api(admin, "POST", tasks, {
      title: "Supplier margin dispute",
      status: "blocked",
      clientVisible: false,
    });
    const milestone = await api(admin, "POST", tasks, {
      title: "First fix complete",
      labels: ["Milestone"],
      clientVisible: true,
    });
    const [staffSocket, clientSocket] = await watchingKitchen(admin, client);

    const done = await api(admin, "PATCH", `${tasks}/${milestone.id}`, { status: "done" });
    const staff = (await staffSocket?.waitFor(isMilestone, 15_000))?.data;
    const theirs = (await clientSocket?.waitFor(isMilestone, 15_000))?.data;

    const summaryId = Task.milestoneSummaryId(milestone.id, done.updatedAt);
    expect(staff).toMatchObject({
      id: summaryId,
      audience: "staff",
      title: expect.stringContaining("First fix complete"),
    });
    expect(staff.content).toContain("Delivered so far");
    expect(staff.content).toContain("What is next");
    expect(staff.content).toContain(`[task:${milestone.id}]`);
    expect(staff.content).toContain(`**Supplier margin dispute** — blocked`);
    expect(theirs).toMatchObject({ id: `${summaryId}-clients`, audience: "client" });
    expect(theirs.title).toContain("First fix complete");
    expect(theirs.content).toContain(`[task:${milestone.id}]`);
    expect(JSON.stringify(theirs)).not.toContain(secret.id);
    expect(JSON.stringify(theirs)).not.toContain("Supplier margin");
    // The client heard only its own version.
    expect(clientSocket?.frames.filter(isMilestone).map((f) => f.data.id)).toEqual([theirs.id]);

    // The same job delivered again (as SQS may) finds both summaries written.
    const job = {
      type: "summary.milestone",
      workspaceId: admin.user.workspaceId,
      projectId: kitchen,
      taskId: milestone.id,
      summaryId,
    };
    expect((await deliverJob(job)).batchItemFailures).toEqual([]);
    expect((await deliverJob(job)).batchItemFailures).toEqual([]);
    expect((await milestonesListed(admin)).map((s: { id: string }) => s.id)).toEqual([summaryId]);
    expect((await milestonesListed(client)).map((s: { id: string }) => s.id)).toEqual([
      `${summaryId}-clients`,
    ]);
    expect(staffSocket?.frames.filter(isMilestone)).toHaveLength(1);

    // Editing the done task again is no new milestone; a task without the label never is one.
    await api(admin, "PATCH", `${tasks}/${milestone.id}`, { title: "First fix complete (signed off)" });
    const plain = await api(admin, "POST", tasks, { title: "Paint the hallway" });
    await api(admin, "PATCH", `${tasks}/${plain.id}`, { status: "done" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(staffSocket?.frames.filter(isMilestone)).toHaveLength(1);
    for (const socket of [staffSocket, clientSocket]) socket?.close();
  });

  it("an internal milestone task moving to done writes the staff summary only: clients get none stored, listed, emailed or pushed", async () => {
    for (const person of [admin, client]) await api(person, "PATCH", "/api/me", { digestEmails: true });
    const tasks = `/api/projects/${kitchen}/tasks`;
    const milestone = await api(admin, "POST", tasks, {
      title: "Sacked the tiler",
      labels: ["milestone"],
      clientVisible: false,
    });
    const [staffSocket, clientSocket] = await watchingKitchen(admin, client);

    const done = await api(admin, "PATCH", `${tasks}/${milestone.id}`, { status: "done" });
    const summaryId = Task.milestoneSummaryId(milestone.id, done.updatedAt);
    const ours = (f: Frame & { data: { id?: string } }) => isMilestone(f) && f.data.id === summaryId;
    const staff = (await staffSocket?.waitFor(ours, 15_000))?.data;
    expect(staff).toMatchObject({ audience: "staff", title: expect.stringContaining("Sacked the tiler") });
    // Delivered again and awaited: whatever the job writes for any audience is written now.
    const job = { type: "summary.milestone", workspaceId: admin.user.workspaceId, projectId: kitchen };
    expect((await deliverJob({ ...job, taskId: milestone.id, summaryId })).batchItemFailures).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const clientsId = `${summaryId}-clients`;
    const key = { workspaceId: admin.user.workspaceId, scope: `clients:${kitchen}`, summaryId: clientsId };
    expect(await Summary.written(key)).toBeUndefined();
    expect((await milestonesListed(client)).map((s: { id: string }) => s.id)).not.toContain(clientsId);
    expect((await milestonesListed(admin)).map((s: { id: string }) => s.id)).toContain(summaryId);
    expect(clientSocket?.frames.filter(isMilestone).map((f) => f.data.id)).not.toContain(clientsId);
    const milestoneMail = (m: { subject: string }) => m.subject.includes("Milestone");
    expect((await inbox(stack, "admin@demo.rehome.local")).filter(milestoneMail)).not.toEqual([]);
    expect((await inbox(stack, "client@demo.rehome.local")).filter(milestoneMail)).toEqual([]);
    for (const socket of [staffSocket, clientSocket]) socket?.close();
  });
});
