// Notifications follow their item across the internal line, as the activity feed does: a client
// told of a task or message that is then made internal no longer reads the notice (its title, its
// item's id) nor counts it unread, until the item is client-visible again. Staff keep theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, type Person, type Stack, succeed } from "../support/stack";

let stack: Stack;
const people = {} as Record<"admin" | "team" | "consultant" | "client", Person>;
let kitchen: string;

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  for (const who of ["admin", "team", "consultant", "client"] as const)
    people[who] = await login(stack, `${who}@demo.rehome.local`);
  [{ id: kitchen }] = (await succeed(stack, people.client, "GET", "/api/projects")).items;
});
afterAll(() => stack?.stop());

type Notice = { id: string; subjectId: string; text: string; readAt: string | null };

/** What the person reads at GET /api/notifications (all, or the unread ones their count is made of). */
const notices = async (person: Person, unread = false): Promise<Notice[]> =>
  (await succeed(stack, person, "GET", `/api/notifications${unread ? "?unread=true" : ""}`)).items;

const about = (items: Notice[], subjectId: string) => items.filter((n) => n.subjectId === subjectId);

/** Asserts `person` reads nothing of the subject: no notice, no title, no id, not in the unread count. */
async function readsNothingOf(person: Person, subjectId: string, title?: string) {
  const all = await notices(person);
  expect(JSON.stringify(all)).not.toContain(subjectId);
  if (title) expect(JSON.stringify(all)).not.toContain(title);
  expect(about(await notices(person, true), subjectId)).toEqual([]);
}

describe("notifications of an item made internal", () => {
  it("a client mentioned in a task made internal no longer reads the notice nor counts it unread, staff still do, and it returns unread when the task is client-visible again", async () => {
    const title = "Choose the worktop";
    const task = await succeed(stack, people.admin, "POST", `/api/projects/${kitchen}/tasks`, {
      title,
      description: "@client@demo.rehome.local and @team@demo.rehome.local: granite or quartz?",
      clientVisible: true,
    });
    const [told] = about(await notices(people.client), task.id);
    expect(told).toMatchObject({ text: `You were mentioned in "${title}"`, readAt: null });
    const unreadBefore = (await notices(people.client, true)).length;

    const path = `/api/projects/${kitchen}/tasks/${task.id}`;
    await succeed(stack, people.admin, "PATCH", path, { clientVisible: false });
    await readsNothingOf(people.client, task.id, title);
    expect((await notices(people.client, true)).length).toBe(unreadBefore - 1);
    const readHidden = await call(stack, "POST", `/api/notifications/${told?.id}/read`, {
      token: people.client.token,
    });
    expect(readHidden.status).toBe(404);
    expect(JSON.stringify(readHidden.body)).not.toContain(title);
    // Reading everything marks only what the client can read.
    await succeed(stack, people.client, "POST", "/api/notifications/read-all");
    expect(about(await notices(people.team, true), task.id)).toHaveLength(1);

    await succeed(stack, people.admin, "PATCH", path, { clientVisible: true });
    expect(about(await notices(people.client, true), task.id)).toEqual([told]);
  });

  it("a client mentioned in a message made internal no longer reads the notice nor counts it unread, staff still do", async () => {
    const sent = await succeed(stack, people.team, "POST", `/api/projects/${kitchen}/messages`, {
      body: "@client@demo.rehome.local @consultant@demo.rehome.local the tiles arrived",
      clientVisible: true,
    });
    expect(about(await notices(people.client, true), sent.id)).toHaveLength(1);
    const unreadBefore = (await notices(people.client, true)).length;

    await succeed(stack, people.team, "PATCH", `/api/projects/${kitchen}/messages/${sent.id}`, {
      clientVisible: false,
    });
    await readsNothingOf(people.client, sent.id);
    expect((await notices(people.client, true)).length).toBe(unreadBefore - 1);
    expect(about(await notices(people.consultant, true), sent.id)).toHaveLength(1);
  });
});
