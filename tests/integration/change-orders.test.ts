// Change orders over real HTTP, sockets and the mail capture: staff draft and send one, the
// client approves or declines it with their typed name and the record keeps who, when, from
// where and a snapshot that never changes; every refusal (wrong role, wrong state, expired, a
// race) is the one error shape; clients never meet a draft or an internal note by any path; the
// project's totals add up; every step is in the audit log and the activity feed.
import { ChangeOrderEntity } from "@rehome/core/change-order/entity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG, upload } from "../support/files";
import { inbox } from "../support/mail";
import { bootStack, call, type Frame, login, openSocket, type Person, type Stack } from "../support/stack";
import { changes, snapshot } from "../support/table";
import { isErrorShape } from "../support/world";

let stack: Stack;
let admin: Person;
let team: Person;
let consultant: Person;
let client: Person;
let otherAdmin: Person;

const CLIENT_EMAIL = "client@demo.rehome.local";
const NOTE = "Supplier margin is 30%; do not discuss.";
const draft = {
  title: "Add a pantry unit",
  description: "A 600 mm tall larder unit beside the fridge, matching the doors.",
  reason: "Asked for on site visit",
  costDelta: 142_550,
  scheduleDeltaDays: 2,
  decisionDue: "2099-06-30",
  internalNote: NOTE,
};

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  consultant = await login(stack, "consultant@demo.rehome.local");
  client = await login(stack, CLIENT_EMAIL);
  otherAdmin = await login(stack, "admin@northwind.rehome.local");
}, 60_000);
afterAll(() => stack?.stop());

const answer = (who: Person, method: string, path: string, body?: unknown) =>
  call(stack, method, path, { token: who.token, body });

async function as(who: Person, method: string, path: string, body?: unknown) {
  const { status, body: result } = await answer(who, method, path, body);
  if (status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
  return result;
}

/** A fresh project with a team member, a consultant and the client on it, and its paths. */
async function project(budget?: number) {
  const { id } = await as(admin, "POST", "/api/projects", { name: "Utility room", budget });
  for (const [person, role] of [
    [team, "team"],
    [consultant, "consultant"],
    [client, "client"],
  ] as const)
    await as(admin, "PUT", `/api/projects/${id}/assignments/${person.user.id}`, { role });
  const orders = `/api/projects/${id}/change-orders`;
  return { id, orders, order: (orderId: string) => `${orders}/${orderId}` };
}

/** A draft by the team member, sent to the client: the sent change order. */
async function sent(
  p: Awaited<ReturnType<typeof project>>,
  fields: Partial<typeof draft> & { attachments?: string[] } = {},
) {
  const made = await as(team, "POST", p.orders, { ...draft, ...fields });
  return as(team, "POST", `${p.order(made.id)}/send`);
}

/** A ready file uploaded by the team member: its id. */
const uploaded = async (projectId: string, name: string, clientVisible: boolean) =>
  (await upload(stack, team.token, projectId, { name, contentType: "image/png", bytes: PNG, clientVisible }))
    .body.id as string;

/** Marks a file internal or client-visible, the way staff do in the files tab. */
const share = (projectId: string, fileId: string, clientVisible: boolean) =>
  as(team, "PATCH", `/api/projects/${projectId}/files/${fileId}`, { clientVisible });

const refusal = async (promise: ReturnType<typeof answer>, status: number, code?: string) => {
  const { status: got, body } = await promise;
  expect(got, JSON.stringify(body)).toBe(status);
  expect(isErrorShape(body)).toBe(true);
  if (code) expect(body.error.code).toBe(code);
};

describe("drafting and sending", () => {
  it("a draft is the staff's alone: clients get 404 for it and never list it; sending shows it, without the internal note", async () => {
    const p = await project();
    const made = await as(team, "POST", p.orders, draft);
    expect(made).toMatchObject({ ...draft, state: "draft", createdBy: team.user.id, decision: null });

    await refusal(answer(client, "GET", p.order(made.id)), 404, "not_found");
    expect((await as(client, "GET", p.orders)).items).toEqual([]);
    expect((await as(consultant, "GET", p.order(made.id))).internalNote).toBe(NOTE);

    const edited = await as(team, "PATCH", p.order(made.id), { costDelta: -2_000, title: "Pantry unit" });
    expect(edited).toMatchObject({ costDelta: -2_000, title: "Pantry unit", state: "draft" });

    const out = await as(team, "POST", `${p.order(made.id)}/send`);
    expect(out).toMatchObject({ state: "sent", sentBy: team.user.id });
    const seen = await as(client, "GET", p.order(made.id));
    expect(seen).toMatchObject({ id: made.id, state: "sent", costDelta: -2_000 });
    expect(seen).not.toHaveProperty("internalNote");
    const listed = (await as(client, "GET", p.orders)).items;
    expect(listed.map((o: { id: string }) => o.id)).toEqual([made.id]);
    expect(JSON.stringify(listed)).not.toContain(NOTE);
  });

  it("sending tells the project's clients in the app, live on their channel and by email; staff hear drafts live, clients only what was sent", async () => {
    const p = await project();
    const channel = `private-projects.${p.id}`;
    const [clientSocket, staffSocket] = await Promise.all([
      openSocket(stack, client.token),
      openSocket(stack, team.token),
    ]);
    try {
      for (const socket of [clientSocket, staffSocket]) expect(await socket.subscribe(channel)).toBe(true);
      expect(await clientSocket.subscribe(`private-users.${client.user.id}`)).toBe(true);
      const made = await as(admin, "POST", p.orders, { ...draft, title: "Heated towel rail" });
      await staffSocket.waitFor((f) => f.event === "change_order.created" && f.data.id === made.id);
      await as(admin, "POST", `${p.order(made.id)}/send`);

      const live = await clientSocket.waitFor(
        (f) => f.event === "change_order.sent" && f.data.id === made.id,
      );
      expect(live.channel).toBe(channel);
      const note = await clientSocket.waitFor(
        (f) => f.event === "notification.created" && f.data.subjectId === made.id,
      );
      expect(note.data).toMatchObject({ kind: "change_order", subjectType: "change_order", projectId: p.id });
      const stored = (await as(client, "GET", "/api/notifications?unread=true")).items;
      expect(stored.some((n: { subjectId: string }) => n.subjectId === made.id)).toBe(true);

      const heard = clientSocket.frames.filter(
        (f: Frame) => f.channel === channel && f.event.startsWith("change_order."),
      );
      expect(heard.map((f) => f.event)).toEqual(["change_order.sent"]);
      expect(JSON.stringify(clientSocket.frames)).not.toContain(NOTE);
      expect(JSON.stringify(staffSocket.frames)).not.toContain(NOTE);

      const mail = (await inbox(stack, CLIENT_EMAIL)).filter((m) => m.subject.includes("Heated towel rail"));
      expect(mail).toHaveLength(1);
      expect(mail[0]?.subject).toBe("Change order for your approval: Heated towel rail");
      expect(mail[0]?.text).toContain("Cost: +$1,425.50; 2 days added to the schedule.");
      expect(mail[0]?.text).toContain(`/#/projects/${p.id}/changes`);
      expect(mail[0]?.text).not.toContain(NOTE);
      expect(await inbox(stack, "team@demo.rehome.local")).toEqual([]);
    } finally {
      clientSocket.close();
      staffSocket.close();
    }
  });

  it("attaches only checked, client-visible files of the same project, by name", async () => {
    const p = await project();
    const other = await project();
    const [shown, internal, elsewhere] = await Promise.all([
      uploaded(p.id, "sink-layout.png", true),
      uploaded(p.id, "sink-layout.png", false),
      uploaded(other.id, "sink-layout.png", true),
    ]);
    const made = await as(team, "POST", p.orders, { ...draft, attachments: [shown] });
    expect(made.attachments).toEqual([{ id: shown, name: "sink-layout.png" }]);
    for (const bad of [elsewhere, "01nosuchfile"])
      await refusal(
        answer(team, "PATCH", p.order(made.id), { attachments: [shown, bad] }),
        422,
        "change_order.attachment_invalid",
      );
    await refusal(
      answer(team, "PATCH", p.order(made.id), { attachments: [shown, internal] }),
      422,
      "change_order.internal_attachment",
    );
  });

  it("a file made internal after it was attached stops the send, naming it; nothing is stored or told until it is shared again", async () => {
    const p = await project();
    const quote = await uploaded(p.id, "supplier-quote.png", true);
    const made = await as(team, "POST", p.orders, {
      ...draft,
      title: "Larder shelving",
      attachments: [quote],
    });
    await share(p.id, quote, false);
    const socket = await openSocket(stack, client.token);
    try {
      expect(await socket.subscribe(`private-projects.${p.id}`)).toBe(true);
      const before = await snapshot();

      const refused = await answer(team, "POST", `${p.order(made.id)}/send`);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(isErrorShape(refused.body)).toBe(true);
      expect(refused.body.error.code).toBe("change_order.internal_attachment");
      expect(refused.body.error.message).toContain('"supplier-quote.png" is internal');
      expect(refused.body.error.details).toEqual({ fileIds: [quote] });

      expect(changes(before, await snapshot())).toEqual([]);
      expect((await as(team, "GET", p.order(made.id))).state).toBe("draft");
      await refusal(answer(client, "GET", p.order(made.id)), 404, "not_found");
      expect((await as(client, "GET", p.orders)).items).toEqual([]);
      expect((await inbox(stack, CLIENT_EMAIL)).filter((m) => m.subject.includes("Larder shelving"))).toEqual(
        [],
      );

      await share(p.id, quote, true);
      const out = await as(team, "POST", `${p.order(made.id)}/send`);
      expect(out).toMatchObject({ state: "sent", attachments: [{ id: quote, name: "supplier-quote.png" }] });
      const live = await socket.waitFor((f) => f.event === "change_order.sent" && f.data.id === made.id);
      expect(live.data.attachments).toEqual([{ id: quote, name: "supplier-quote.png" }]);
    } finally {
      socket.close();
    }
  });

  it("a file made internal after sending drops out of all a client reads of the order, its events and its decision; staff still see it", async () => {
    const p = await project();
    const [plan, quote] = await Promise.all([
      uploaded(p.id, "larder-plan.png", true),
      uploaded(p.id, "supplier-quote.png", true),
    ]);
    const order = await sent(p, { attachments: [plan, quote] });
    await share(p.id, quote, false);
    const both = [
      { id: plan, name: "larder-plan.png" },
      { id: quote, name: "supplier-quote.png" },
    ];
    const planOnly = [{ id: plan, name: "larder-plan.png" }];

    expect((await as(client, "GET", p.order(order.id))).attachments).toEqual(planOnly);
    const listed = (await as(client, "GET", p.orders)).items;
    expect(listed.map((o: { attachments: unknown }) => o.attachments)).toEqual([planOnly]);
    expect(JSON.stringify(listed)).not.toContain("supplier-quote");
    expect((await as(team, "GET", p.order(order.id))).attachments).toEqual(both);
    expect((await as(team, "GET", p.orders)).items[0].attachments).toEqual(both);

    const socket = await openSocket(stack, client.token);
    try {
      expect(await socket.subscribe(`private-projects.${p.id}`)).toBe(true);
      const approved = await as(client, "POST", `${p.order(order.id)}/approve`, {
        signature: "Cliff Client",
      });
      expect(approved.attachments).toEqual(planOnly);
      expect(approved.decision.snapshot.attachments).toEqual(planOnly);
      const live = await socket.waitFor((f) => f.event === "change_order.approved" && f.data.id === order.id);
      expect(live.data.attachments).toEqual(planOnly);
      expect(JSON.stringify(socket.frames)).not.toContain("supplier-quote");
    } finally {
      socket.close();
    }
    // The decision records what the client saw and decided on; the order keeps what was attached.
    const record = await as(team, "GET", p.order(order.id));
    expect(record.decision.snapshot.attachments).toEqual(planOnly);
    expect(record.attachments).toEqual(both);

    // A file made internal after the decision drops out of the client's view of it too.
    await share(p.id, plan, false);
    const decided = await as(client, "GET", p.order(order.id));
    expect(decided.attachments).toEqual([]);
    expect(decided.decision.snapshot.attachments).toEqual([]);
    expect((await as(team, "GET", p.order(order.id))).decision.snapshot.attachments).toEqual(planOnly);
  });
});

describe("who may do what", () => {
  it("a client cannot draft, edit, send or withdraw; staff cannot decide for the client; a consultant drafts but does not send", async () => {
    const p = await project();
    const order = await sent(p);
    await refusal(answer(client, "POST", p.orders, draft), 403, "permission.denied");
    await refusal(answer(client, "PATCH", p.order(order.id), { title: "Free pantry" }), 403);
    await refusal(answer(client, "POST", `${p.order(order.id)}/withdraw`), 403);
    for (const staff of [admin, team, consultant])
      await refusal(
        answer(staff, "POST", `${p.order(order.id)}/approve`, { signature: "Cliff Client" }),
        403,
        "permission.denied",
      );
    const byConsultant = await as(consultant, "POST", p.orders, draft);
    await refusal(answer(consultant, "POST", `${p.order(byConsultant.id)}/send`), 403);
    await refusal(answer(client, "POST", `${p.order(byConsultant.id)}/send`), 404);
    expect((await as(team, "GET", p.order(order.id))).state).toBe("sent");
  });

  it("someone of another workspace, or not on the project, gets 404 for every change order route", async () => {
    const p = await project();
    const order = await sent(p);
    const outsider = await project();
    await as(admin, "DELETE", `/api/projects/${outsider.id}/assignments/${client.user.id}`);
    await as(admin, "DELETE", `/api/projects/${p.id}/assignments/${consultant.user.id}`);
    for (const who of [otherAdmin, consultant]) {
      await refusal(answer(who, "GET", p.orders), 404);
      await refusal(answer(who, "GET", p.order(order.id)), 404);
      await refusal(answer(who, "GET", `/api/projects/${p.id}/totals`), 404);
      await refusal(answer(who, "POST", `${p.order(order.id)}/withdraw`), 404);
    }
    await refusal(answer(client, "POST", `${outsider.orders}/${order.id}/approve`, { signature: "x" }), 404);
  });
});

describe("the client's decision", () => {
  it("approving takes the client's full name, in any case and spacing, and records who, when, from where and what", async () => {
    const p = await project();
    const order = await sent(p);
    await refusal(
      answer(client, "POST", `${p.order(order.id)}/approve`, { signature: "Someone Else" }),
      422,
      "change_order.signature_mismatch",
    );
    await refusal(answer(client, "POST", `${p.order(order.id)}/approve`, { signature: "   " }), 400);
    const before = Date.now();
    const approved = await as(client, "POST", `${p.order(order.id)}/approve`, {
      signature: "  cliff   CLIENT ",
    });
    expect(approved.state).toBe("approved");
    expect(approved.decision).toMatchObject({
      outcome: "approved",
      by: client.user.id,
      signature: "cliff   CLIENT",
      reason: null,
      snapshot: {
        title: draft.title,
        description: draft.description,
        reason: draft.reason,
        costDelta: draft.costDelta,
        scheduleDeltaDays: draft.scheduleDeltaDays,
        attachments: [],
      },
    });
    expect(approved.decision.ip).toMatch(/127\.0\.0\.1$/);
    expect(Date.parse(approved.decision.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(approved).not.toHaveProperty("internalNote");
    expect((await as(team, "GET", p.order(order.id))).decision).toEqual(approved.decision);
  });

  it("an approved or declined change order never changes: edits, sends, withdrawals and second decisions are 409", async () => {
    const p = await project();
    const approved = await sent(p);
    await as(client, "POST", `${p.order(approved.id)}/approve`, { signature: "Cliff Client" });
    const declined = await sent(p);
    const no = await as(client, "POST", `${p.order(declined.id)}/decline`, {
      signature: "Cliff Client",
      reason: "Over our budget",
    });
    expect(no).toMatchObject({
      state: "declined",
      decision: { outcome: "declined", reason: "Over our budget" },
    });
    for (const { id } of [approved, declined]) {
      await refusal(answer(admin, "PATCH", p.order(id), { costDelta: 1 }), 409, "change_order.decided");
      await refusal(answer(admin, "POST", `${p.order(id)}/send`), 409, "change_order.decided");
      await refusal(answer(admin, "POST", `${p.order(id)}/withdraw`), 409, "change_order.decided");
      for (const decision of ["approve", "decline"])
        await refusal(
          answer(client, "POST", `${p.order(id)}/${decision}`, { signature: "Cliff Client" }),
          409,
          "change_order.decided",
        );
    }
    expect((await as(team, "GET", p.order(approved.id))).decision.snapshot.costDelta).toBe(draft.costDelta);
  });

  it("a sent change order can be edited only after being taken back, and a withdrawn one cannot be decided", async () => {
    const p = await project();
    const order = await sent(p);
    await refusal(
      answer(team, "PATCH", p.order(order.id), { costDelta: 1 }),
      409,
      "change_order.wrong_state",
    );
    await refusal(answer(team, "POST", `${p.order(order.id)}/send`), 409, "change_order.wrong_state");
    const withdrawn = await as(team, "POST", `${p.order(order.id)}/withdraw`);
    expect(withdrawn).toMatchObject({ state: "withdrawn" });
    expect((await as(client, "GET", p.order(order.id))).state).toBe("withdrawn");
    await refusal(
      answer(client, "POST", `${p.order(order.id)}/approve`, { signature: "Cliff Client" }),
      409,
      "change_order.wrong_state",
    );
  });

  it("past its decision day a sent change order reads as expired and cannot be approved", async () => {
    const p = await project(1_000_000);
    const order = await sent(p);
    await ChangeOrderEntity()
      .patch({ workspaceId: admin.user.workspaceId, projectId: p.id, changeOrderId: order.id })
      .set({ decisionDue: "2020-01-31" })
      .go();
    expect((await as(client, "GET", p.order(order.id))).state).toBe("expired");
    await refusal(
      answer(client, "POST", `${p.order(order.id)}/approve`, { signature: "Cliff Client" }),
      409,
      "change_order.expired",
    );
    expect((await as(client, "GET", `/api/projects/${p.id}/totals`)).pending).toBe(0);
    const stale = await as(team, "POST", p.orders, { ...draft, decisionDue: "2020-01-31" });
    await refusal(answer(team, "POST", `${p.order(stale.id)}/send`), 422, "change_order.due_passed");
  });

  it("of an approval and a decline at the same moment exactly one lands", async () => {
    const p = await project();
    const order = await sent(p);
    const signature = { signature: "Cliff Client" };
    const answers = await Promise.all([
      answer(client, "POST", `${p.order(order.id)}/approve`, signature),
      answer(client, "POST", `${p.order(order.id)}/decline`, signature),
      answer(client, "POST", `${p.order(order.id)}/approve`, signature),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const winner = answers.find((a) => a.status === 200)?.body;
    expect((await as(team, "GET", p.order(order.id))).state).toBe(winner.state);
  });
});

describe("totals, audit and activity", () => {
  it("the project's totals add the approved changes to the budget and show what awaits a decision, the same for everyone", async () => {
    const p = await project(2_500_000);
    const yes = await sent(p, { costDelta: 120_000 });
    await as(client, "POST", `${p.order(yes.id)}/approve`, { signature: "Cliff Client" });
    const credit = await sent(p, { costDelta: -30_000 });
    await as(client, "POST", `${p.order(credit.id)}/approve`, { signature: "Cliff Client" });
    await sent(p, { costDelta: 45_000 });
    const no = await sent(p, { costDelta: 999_999 });
    await as(client, "POST", `${p.order(no.id)}/decline`, { signature: "Cliff Client" });
    await as(team, "POST", p.orders, { ...draft, costDelta: 777_777 });

    const expected = {
      currency: "USD",
      budget: 2_500_000,
      approved: 90_000,
      approvedCount: 2,
      pending: 45_000,
      pendingCount: 1,
      current: 2_590_000,
    };
    for (const who of [admin, team, client])
      expect(await as(who, "GET", `/api/projects/${p.id}/totals`)).toEqual(expected);

    await refusal(answer(team, "PATCH", `/api/projects/${p.id}`, { budget: 1 }), 403);
    expect((await as(admin, "PATCH", `/api/projects/${p.id}`, { budget: null })).budget).toBeNull();
    expect(await as(client, "GET", `/api/projects/${p.id}/totals`)).toMatchObject({
      budget: null,
      current: null,
    });
  });

  it("every step is in the audit log and the activity feed, and a client's feed holds no draft", async () => {
    const p = await project();
    const order = await sent(p);
    await as(client, "POST", `${p.order(order.id)}/approve`, { signature: "Cliff Client" });
    const hidden = await as(team, "POST", p.orders, { ...draft, title: "Secret draft" });
    await as(team, "PATCH", p.order(hidden.id), { title: "Secret draft, edited" });

    const audit = (await as(admin, "GET", "/api/audit?limit=100")).items.filter(
      (e: { targetId: string }) => e.targetId === order.id,
    );
    expect(audit.map((e: { action: string }) => e.action).reverse()).toEqual([
      "change_order.created",
      "change_order.sent",
      "change_order.approved",
    ]);
    expect(audit[0].details).toMatchObject({ signature: "Cliff Client", projectId: p.id });

    const feed = async (who: Person) =>
      (await as(who, "GET", `/api/projects/${p.id}/activity`)).items
        .filter((a: { subjectType: string }) => a.subjectType === "change_order")
        .map(
          (a: { action: string; subjectId: string }) =>
            `${a.action} ${a.subjectId === order.id ? "sent" : "draft"}`,
        );
    expect(await feed(team)).toEqual([
      "change_order.updated draft",
      "change_order.created draft",
      "change_order.approved sent",
      "change_order.sent sent",
      "change_order.created sent",
    ]);
    expect(await feed(client)).toEqual(["change_order.approved sent", "change_order.sent sent"]);
  });
});
