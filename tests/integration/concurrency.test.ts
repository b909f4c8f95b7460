// Requests that meet: a role change keeps what the assignment held; an edit of a task or a
// message deleted meanwhile is a 404 that brings nothing back; two date changes of one task
// never leave it starting after its due date, nor a patch its index keys as they were; two admins removing each other's access never
// leave the workspace without an active admin. Races are made deterministic: the second request
// runs, start to finish, just before the first one's write reaches DynamoDB (a middleware of the
// stack's own DynamoDB client, which this process shares).
import { dynamo } from "@rehome/core/aws/clients";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, type Person, type Stack, succeed } from "../support/stack";
import { rewrite, snapshot } from "../support/table";
import { isErrorShape, joinByInvite } from "../support/world";

let stack: Stack;
let admin: Person;
let team: Person;
let kitchen: string;

/** What runs just before the next write naming `id` reaches DynamoDB: another request, or a fault. */
let interleaving: { id: string; meanwhile: () => Promise<void> } | undefined;
const WRITES = /^(Update|TransactWrite)/;

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  [{ id: kitchen }] = (await succeed(stack, admin, "GET", "/api/projects")).items;
  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      const waiting = interleaving;
      if (
        waiting &&
        WRITES.test(context.commandName ?? "") &&
        JSON.stringify(args.input).includes(waiting.id)
      ) {
        interleaving = undefined;
        await waiting.meanwhile();
      }
      return next(args);
    },
    { step: "initialize", name: "interleave" },
  );
});
afterAll(() => stack?.stop());

type Answer = Awaited<ReturnType<typeof call>>;

/**
 * `request`'s answer when `meanwhile` ran whole between its reads and its write of the item
 * named `id`, as if the two requests had raced that way; and `meanwhile`'s answers: it runs
 * again before each of the request's first `turns` writes of the item (each a retry).
 */
async function interleave(
  id: string,
  meanwhile: (turn: number) => Promise<Answer>,
  request: () => Promise<Answer>,
  turns = 1,
) {
  const others: Answer[] = [];
  const arm = () => {
    interleaving = {
      id,
      meanwhile: async () => {
        others.push(await meanwhile(others.length));
        if (others.length < turns) arm();
      },
    };
  };
  arm();
  const first = await request().finally(() => {
    interleaving = undefined;
  });
  expect(others.length, "the other request ran before the write").toBeGreaterThan(0);
  return { first, other: others[0] as Answer, others };
}

/** The stored items of one entity (ElectroDB's `__edb_e__`), as DynamoDB holds them. */
async function stored(entity: string): Promise<Record<string, unknown>[]> {
  return [...(await snapshot()).values()]
    .map((json) => JSON.parse(json) as Record<string, unknown>)
    .filter((item) => item.__edb_e__ === entity);
}

const refusal = (answer: Awaited<ReturnType<typeof call>>, status: number) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(isErrorShape(answer.body)).toBe(true);
};

describe("changing someone's role on a project", () => {
  it("keeps when they were added and all else the assignment holds; a new assignment gets its own date", async () => {
    const { id } = await succeed(stack, admin, "POST", "/api/projects", { name: "Porch" });
    const assignment = `/api/projects/${id}/assignments/${team.user.id}`;
    const added = await succeed(stack, admin, "PUT", assignment, { role: "team" });
    expect(Date.parse(added.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    // Added long ago, so a reset to now could not go unnoticed.
    const longAgo = "2020-01-02T03:04:05.000Z";
    await rewrite({ __edb_e__: "assignment", projectId: id, userId: team.user.id }, { createdAt: longAgo });
    const [before] = (await stored("assignment")).filter((a) => a.projectId === id);

    const changed = await succeed(stack, admin, "PUT", assignment, { role: "consultant" });

    expect(changed).toMatchObject({ role: "consultant", createdAt: longAgo });
    const { items } = await succeed(stack, admin, "GET", `/api/projects/${id}/assignments`);
    expect(items.find((a: { userId: string }) => a.userId === team.user.id)).toMatchObject({
      role: "consultant",
      createdAt: longAgo,
    });
    const after = (await stored("assignment")).filter((a) => a.projectId === id);
    expect(after).toEqual([{ ...before, role: "consultant" }]);
  });
});

describe("editing an item deleted meanwhile", () => {
  it("a task: 404, and the task stays deleted", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const task = await succeed(stack, admin, "POST", tasks, { title: "Remove old boiler" });
    const { first, other } = await interleave(
      task.id,
      () => call(stack, "DELETE", `${tasks}/${task.id}`, { token: admin.token }),
      () =>
        call(stack, "PATCH", `${tasks}/${task.id}`, { token: admin.token, body: { title: "Keep boiler" } }),
    );
    expect(other.status).toBe(204);
    refusal(first, 404);
    expect(first.body.error.code).toBe("not_found");
    expect((await stored("task")).filter((t) => t.taskId === task.id)).toEqual([]);
  });

  it("a message: 404, and the message stays deleted", async () => {
    const messages = `/api/projects/${kitchen}/messages`;
    const message = await succeed(stack, team, "POST", messages, { body: "Skip is booked" });
    const { first, other } = await interleave(
      message.id,
      () => call(stack, "DELETE", `${messages}/${message.id}`, { token: team.token }),
      () =>
        call(stack, "PATCH", `${messages}/${message.id}`, {
          token: team.token,
          body: { body: "Skip moved" },
        }),
    );
    expect(other.status).toBe(204);
    refusal(first, 404);
    expect(first.body.error.code).toBe("not_found");
    expect((await stored("message")).filter((m) => m.messageId === message.id)).toEqual([]);
  });
});

describe("two date changes of one task at once", () => {
  const later = { startDate: "2027-05-20" };
  const earlier = { dueDate: "2027-05-10" };

  it.each([
    ["a later start, read before an earlier due date landed", later, earlier],
    ["an earlier due date, read before a later start landed", earlier, later],
  ])("%s, is checked again and refused with 422", async (_, mine, theirs) => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const task = await succeed(stack, admin, "POST", tasks, {
      title: "Tile bathroom",
      startDate: "2027-05-01",
      dueDate: "2027-05-31",
    });
    const patch = (body: unknown) => () =>
      call(stack, "PATCH", `${tasks}/${task.id}`, { token: admin.token, body });
    const { first, other } = await interleave(task.id, patch(theirs), patch(mine));
    expect(other.status).toBe(200);
    refusal(first, 422);
    expect(first.body.error.code).toBe("task.start_after_due");
    const now = await succeed(stack, admin, "GET", `${tasks}/${task.id}`);
    expect(now).toMatchObject({ startDate: "2027-05-01", dueDate: "2027-05-31", ...theirs });
  });

  it("a date change whose other date keeps changing under it is retried, then refused with 409", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const task = await succeed(stack, admin, "POST", tasks, {
      title: "Hang wallpaper",
      startDate: "2027-07-01",
      dueDate: "2027-07-31",
    });
    const patch = (body: unknown) =>
      call(stack, "PATCH", `${tasks}/${task.id}`, { token: admin.token, body });
    const { first, others } = await interleave(
      task.id,
      (turn) => patch({ dueDate: `2027-07-${30 - turn}` }),
      () => patch({ startDate: "2027-07-20" }),
      Number.POSITIVE_INFINITY,
    );
    refusal(first, 409);
    expect(first.body.error.code).toBe("task.changed");
    expect(others.length, "retried").toBeGreaterThan(1);
    expect(others.map((answer) => answer.status)).toEqual(others.map(() => 200));
    const now = await succeed(stack, admin, "GET", `${tasks}/${task.id}`);
    expect(now).toMatchObject({ startDate: "2027-07-01", dueDate: `2027-07-${31 - others.length}` });
  });
});

describe("a task changed by someone else between a patch's read and its write", () => {
  it("a due date set while the task was reassigned keeps the task under its new assignee", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const task = await succeed(stack, admin, "POST", tasks, {
      title: "Order skirting",
      dueDate: "2027-09-30",
    });
    const patch = (body: unknown) => () =>
      call(stack, "PATCH", `${tasks}/${task.id}`, { token: admin.token, body });
    // The due-date patch re-sends the assignee index's key as it read it: written over the
    // reassignment, the task would be listed under nobody while assigned to the team member.
    const { first, other } = await interleave(
      task.id,
      patch({ assigneeId: team.user.id }),
      patch({ dueDate: "2027-09-15" }),
    );
    expect(other.status).toBe(200);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ assigneeId: team.user.id, dueDate: "2027-09-15" });
    const listed = async (assignee: string) =>
      (await succeed(stack, admin, "GET", `${tasks}?assignee=${assignee}&limit=100`)).items.map(
        (t: { id: string }) => t.id,
      );
    expect(await listed(team.user.id)).toContain(task.id);
    expect(await listed("none")).not.toContain(task.id);
  });
});

describe("two admins removing each other's admin access", () => {
  // Northwind's admins: its seeded one, and a second one who joined by invite.
  let first: { token: string; id: string; email: string; password?: string };
  let second: typeof first;

  beforeAll(async () => {
    const seeded = await login(stack, "admin@northwind.rehome.local");
    first = { token: seeded.token, id: seeded.user.id, email: "admin@northwind.rehome.local" };
    second = await joinByInvite(stack, seeded.token, "admin", "second-admin");
  });

  const change = (by: typeof first, of: typeof first, body: unknown) => () =>
    call(stack, "PATCH", `/api/users/${of.id}`, { token: by.token, body });

  /** Who of the workspace is an active admin, as its survivor sees it. */
  const activeAdmins = async (survivor: typeof first) =>
    (await succeed(stack, survivor, "GET", "/api/users?limit=100")).items
      .filter((u: { role: string; status: string }) => u.role === "admin" && u.status === "active")
      .map((u: { id: string }) => u.id);

  /** Gives the loser back their admin access (and a new session, deactivation ended theirs). */
  async function restore(survivor: typeof first, loser: typeof first) {
    await succeed(stack, survivor, "PATCH", `/api/users/${loser.id}`, { role: "admin", status: "active" });
    loser.token = (await login(stack, loser.email, loser.password)).token;
    expect(await activeAdmins(survivor)).toHaveLength(2);
  }

  const demote = { role: "team" };
  const deactivate = { status: "deactivated" };

  it.each([
    ["demotes the other while being demoted", demote, demote],
    ["demotes the other while being deactivated", demote, deactivate],
    ["deactivates the other while being demoted", deactivate, demote],
    ["deactivates the other while being deactivated", deactivate, deactivate],
  ])("one %s by them: the later change is refused with 409", async (_, mine, theirs) => {
    expect(await activeAdmins(first)).toHaveLength(2);
    const { first: late, other: early } = await interleave(
      second.id,
      change(second, first, theirs),
      change(first, second, mine),
    );
    expect(early.status, JSON.stringify(early.body)).toBe(200);
    refusal(late, 409);
    expect(late.body.error.code).toBe("user.no_longer_admin");
    expect(await activeAdmins(second)).toEqual([second.id]);
    await restore(second, first);
  });

  it("a removal canceled by another transaction on the same people in flight is tried again", async () => {
    let canceled = 0;
    interleaving = {
      id: second.id,
      meanwhile: async () => {
        canceled++;
        throw Object.assign(new Error("Transaction cancelled"), {
          name: "TransactionCanceledException",
          CancellationReasons: [{ Code: "None" }, { Code: "TransactionConflict" }],
        });
      },
    };
    const answer = await change(first, second, demote)();
    expect(canceled, "the first transaction was canceled").toBe(1);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(await activeAdmins(first)).toEqual([first.id]);
    await restore(first, second);
  });

  it("demoting each other at the same time, again and again, one change wins and an admin is left", async () => {
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([change(first, second, demote)(), change(second, first, demote)()]);
      const won = answers.filter((answer) => answer.status === 200);
      expect(won, JSON.stringify(answers.map((a) => a.body))).toHaveLength(1);
      const lost = answers.find((answer) => answer.status !== 200);
      expect([403, 409]).toContain(lost?.status);
      expect(isErrorShape(lost?.body)).toBe(true);
      const [survivor, loser] = answers[0]?.status === 200 ? [first, second] : [second, first];
      expect(await activeAdmins(survivor)).toEqual([survivor.id]);
      await restore(survivor, loser);
    }
  });
});
