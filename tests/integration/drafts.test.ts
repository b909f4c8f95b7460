// The assistant drafts, a person decides, on a local stack with the offline provider: a change
// order drafted from chosen messages (their amount and days, cited), today's client update from
// client-visible items only, both told to the asker alone, written once however often the job
// comes, and nothing created or posted until a person saves it through the usual routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverJob } from "../support/jobs";
import { bootStack, call, login, openSocket, type Person, type Stack, succeed } from "../support/stack";

let stack: Stack;
let admin: Person;
let team: Person;
let consultant: Person;
let client: Person;
let kitchen: string;

const api = (person: Person, method: string, path: string, body?: unknown) =>
  succeed(stack, person, method, path, body);

/** A message; staff say whether the client sees it (a client's always does). */
const post = async (person: Person, body: string, clientVisible = true) =>
  (
    await api(person, "POST", `/api/projects/${kitchen}/messages`, {
      body,
      ...(person !== client && { clientVisible }),
    })
  ).id as string;

/** Asks for a draft as `person` and waits for it on their own channel. */
async function drafted(person: Person, what: "change-order" | "client-update", body?: unknown) {
  const socket = await openSocket(stack, person.token);
  expect(await socket.subscribe(`private-users.${person.user.id}`)).toBe(true);
  const asked = await call(stack, "POST", `/api/projects/${kitchen}/drafts/${what}`, {
    token: person.token,
    body,
  });
  expect(asked.status).toBe(202);
  const { draftId } = asked.body;
  const ready = await socket.waitFor((f) => f.event === "agent.draft.ready" && f.data.id === draftId, 15_000);
  return { draft: ready.data, socket };
}

const changeOrders = async () => (await api(team, "GET", `/api/projects/${kitchen}/change-orders`)).items;

beforeAll(async () => {
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  consultant = await login(stack, "consultant@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  [{ id: kitchen }] = (await api(client, "GET", "/api/projects")).items;
});
afterAll(() => stack?.stop());

describe("a change order drafted from messages", () => {
  it("proposes the amount and days the chosen messages state, cites them, and creates nothing until a person saves it", async () => {
    const price = await post(team, "The electrician says the extra island socket will cost $650.");
    const days = await post(client, "Fine by us, even if it adds 2 days to the schedule.");
    const other = await post(team, "Unrelated: the skip arrives Friday, £90 delivery.");
    const before = await changeOrders();

    const { draft, socket } = await drafted(team, "change-order", { messageIds: [price, days] });
    expect(draft).toMatchObject({ kind: "change_order", status: "written", error: null });
    expect(draft.changeOrder).toMatchObject({
      costDelta: 65_000,
      scheduleDeltaDays: 2,
      costFound: true,
      scheduleFound: true,
    });
    expect(draft.changeOrder.title).toContain("extra island socket");
    expect([...draft.citations].sort()).toEqual([`message:${price}`, `message:${days}`].sort());
    expect(draft.citations).not.toContain(`message:${other}`);
    expect(JSON.stringify(draft)).not.toContain("£90");
    expect(await changeOrders()).toEqual(before);

    // Only the asker reads it; a redelivered job writes nothing more and tells nobody again.
    const path = `/api/projects/${kitchen}/drafts/${draft.id}`;
    expect(await api(team, "GET", path)).toEqual(draft);
    expect((await call(stack, "GET", path, { token: admin.token })).status).toBe(404);
    expect((await call(stack, "GET", path, { token: client.token })).status).toBe(404);
    const job = { type: "draft.write", workspaceId: team.user.workspaceId, draftId: draft.id };
    expect((await deliverJob(job)).batchItemFailures).toEqual([]);
    expect(await api(team, "GET", path)).toEqual(draft);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.frames.filter((f) => f.data?.id === draft.id)).toHaveLength(1);
    socket.close();

    // The person edits the title and saves a draft change order through the usual route.
    const { title: _, costFound: __, scheduleFound: ___, ...fields } = draft.changeOrder;
    const saved = await api(team, "POST", `/api/projects/${kitchen}/change-orders`, {
      ...fields,
      title: "Extra island socket",
      decisionDue: "2099-01-31",
    });
    expect(saved).toMatchObject({
      state: "draft",
      costDelta: 65_000,
      scheduleDeltaDays: 2,
      createdBy: team.user.id,
    });
    expect(await changeOrders()).toHaveLength(before.length + 1);
  });

  it("says it found no amount or days when the messages state none, and leaves them at 0", async () => {
    const id = await post(team, "Could we move the pantry door to the left wall?");
    const { draft, socket } = await drafted(consultant, "change-order", { messageIds: [id] });
    socket.close();
    expect(draft.changeOrder).toMatchObject({
      costDelta: 0,
      scheduleDeltaDays: 0,
      costFound: false,
      scheduleFound: false,
    });
    expect(draft.body).toContain("none found");
    expect(draft.citations).toEqual([`message:${id}`]);
  });

  it("refuses clients, and a request without messages or with too many", async () => {
    const path = `/api/projects/${kitchen}/drafts/change-order`;
    const ask = (person: Person, messageIds: unknown) =>
      call(stack, "POST", path, { token: person.token, body: { messageIds } });
    expect((await ask(client, ["m1"])).status).toBe(403);
    expect((await ask(team, [])).status).toBe(400);
    expect(
      (
        await ask(
          team,
          Array.from({ length: 51 }, (_, i) => `m${i}`),
        )
      ).status,
    ).toBe(400);
  });
});

describe("today's client update", () => {
  it("tells of today's client-visible tasks and messages only, and is posted only when staff post it", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const shown = await api(team, "POST", tasks, { title: "Tile the shower wall", clientVisible: true });
    await api(team, "PATCH", `${tasks}/${shown.id}`, { status: "done" });
    const hidden = await api(team, "POST", tasks, {
      title: "Chase the overcharging plumber",
      clientVisible: false,
    });
    await api(team, "PATCH", `${tasks}/${hidden.id}`, { status: "in_progress" });
    const news = await post(team, "The worktops were templated this morning.");
    const secret = await post(team, "Internal: our margin on the worktops is thin.", false);
    const before = (await api(client, "GET", `/api/projects/${kitchen}/messages`)).items.length;

    const { draft, socket } = await drafted(team, "client-update");
    socket.close();
    expect(draft).toMatchObject({ kind: "client_update", status: "written", changeOrder: null });
    expect(draft.body).toContain("Tile the shower wall");
    expect(draft.body).toContain("templated this morning");
    expect(draft.body).not.toMatch(/plumber|margin|\[(task|message):/);
    expect(draft.citations).toEqual(expect.arrayContaining([`task:${shown.id}`, `message:${news}`]));
    expect(draft.citations).not.toContain(`task:${hidden.id}`);
    expect(draft.citations).not.toContain(`message:${secret}`);
    expect((await api(client, "GET", `/api/projects/${kitchen}/messages`)).items).toHaveLength(before);

    await api(team, "POST", `/api/projects/${kitchen}/messages`, { body: draft.body, clientVisible: true });
    const seen = (await api(client, "GET", `/api/projects/${kitchen}/messages`)).items;
    expect(seen.map((m: { body: string }) => m.body)).toContain(draft.body);
  });

  it("is for staff who may post to the client: consultants and clients are refused", async () => {
    const path = `/api/projects/${kitchen}/drafts/client-update`;
    expect((await call(stack, "POST", path, { token: consultant.token })).status).toBe(403);
    expect((await call(stack, "POST", path, { token: client.token })).status).toBe(403);
  });
});
