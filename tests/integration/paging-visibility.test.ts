// A client pages lists that hold internal items between shared ones (the thread, the task board,
// the unassigned tasks, the site log): every page but the last is full, the pages together are
// exactly the shared items in order, no cursor names anything internal, and each Query reads a
// bounded chunk. Staff page the same lists completely, one Query per page, as before.
import { dynamo } from "@rehome/core/aws/clients";
import { rankOf } from "@rehome/core/task/entity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, type Person, type Stack, succeed } from "../support/stack";

let stack: Stack;
let admin: Person;
let team: Person;
let client: Person;
let project: string;

/**
 * Oldest first; false is internal. Internal items lead and trail the list and stand three in a
 * row, so a client's list starts and ends on hidden items and holds a run of them.
 */
const SHARED = [false, false, true, false, true, false, false, false, true, true, false, true, false, false];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The Queries of the requests since the last reset: their Limit, and whether they filter for a client. */
let queries: { limit: number | undefined; forClient: boolean }[] = [];

beforeAll(async () => {
  stack = await bootStack({ worker: false, env: { RATE_LIMIT_TOKEN_PER_MINUTE: "0" } });
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  project = (await succeed(stack, admin, "POST", "/api/projects", { name: "Half hidden" })).id;
  for (const [person, role] of [
    [team, "team"],
    [client, "client"],
  ] as const)
    await succeed(stack, admin, "PUT", `/api/projects/${project}/assignments/${person.user.id}`, { role });
  // One at a time, so ids (time-ordered) and board positions follow the pattern's order.
  for (const [i, clientVisible] of SHARED.entries()) {
    await succeed(stack, admin, "POST", `/api/projects/${project}/messages`, {
      body: `Message ${i}`,
      clientVisible,
    });
    await succeed(stack, admin, "POST", `/api/projects/${project}/tasks`, {
      title: `Task ${i}`,
      status: "todo",
      clientVisible,
    });
    await succeed(stack, admin, "PUT", `/api/projects/${project}/site-log/${day(i - SHARED.length)}`, {
      workDone: `Day ${i}`,
      clientVisible,
    });
  }

  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "QueryCommand") {
        const input = args.input as { Limit?: number; ExpressionAttributeNames?: object };
        const forClient = JSON.stringify(input.ExpressionAttributeNames ?? {}).includes("clientVisible");
        queries.push({ limit: input.Limit, forClient });
      }
      return next(args);
    },
    { step: "initialize", name: "recordQueries" },
  );
}, 120_000);
afterAll(() => stack?.stop());

interface Item {
  id: string;
  clientVisible: boolean;
  date?: string;
  position?: number;
}

/** Every page of a list, as `person` reads it, with the cursor each page handed out. */
async function pageThrough(person: Person, path: string, limit: number) {
  const pages: Item[][] = [];
  const cursors: string[] = [];
  const queriesPerPage: (typeof queries)[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    queries = [];
    const page = await call(stack, "GET", `/api/projects/${project}/${path}&${params}`, {
      token: person.token,
    });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    pages.push(page.body.items);
    queriesPerPage.push(queries);
    cursor = page.body.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor && pages.length <= SHARED.length + 1);
  return { pages, cursors, queriesPerPage };
}

const ids = (items: Item[]) => items.map((item) => item.id);
const decoded = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");

/** Each list, and what of an item its keys hold: what a cursor must not show of a hidden item. */
const lists: [string, string, (item: Item) => string[]][] = [
  ["the thread", "messages?", (m) => [m.id]],
  ["the task board", "tasks?", (t) => [t.id, rankOf(t.position ?? 0)]],
  ["the unassigned tasks", "tasks?assignee=none", (t) => [t.id]],
  ["the site log", "site-log?", (l) => [l.id, l.date ?? ""]],
];

describe.each(lists)("paging %s", (_name, path, keysOf) => {
  /** The whole list as staff read it, in its order. */
  const everything = async () => (await pageThrough(team, path, 100)).pages.flat();

  it.each([1, 2])("a client's pages of %i are full, in order, of shared items only", async (limit) => {
    const all = await everything();
    expect(all).toHaveLength(SHARED.length);
    const shared = all.filter((item) => item.clientVisible);
    const hidden = all.filter((item) => !item.clientVisible);
    expect(shared).toHaveLength(SHARED.filter(Boolean).length);

    const { pages, cursors, queriesPerPage } = await pageThrough(client, path, limit);
    // Only the last page may fall short (even empty, when the one before ended the list).
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
    expect(ids(pages.flat())).toEqual(ids(shared));
    for (const cursor of cursors)
      for (const item of hidden)
        for (const key of keysOf(item)) expect(decoded(cursor), `cursor names ${key}`).not.toContain(key);
    // Bounded reads: each Query of a client's page reads a chunk (twice the page, at least 25).
    const reads = queriesPerPage.flat().filter((query) => query.forClient);
    expect(reads.length).toBeGreaterThanOrEqual(pages.length);
    for (const read of reads) expect(read.limit).toBeLessThanOrEqual(Math.max(2 * limit, 25));
  });

  it("staff page through every item, internal ones too, one Query per page", async () => {
    const { pages, queriesPerPage } = await pageThrough(team, path, 1);
    expect(ids(pages.flat())).toEqual(ids(await everything()));
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(1);
    for (const pageQueries of queriesPerPage) expect(pageQueries).toHaveLength(1);
  });

  it("refuses a client a cursor the list did not hand out with a 400", async () => {
    const answer = await call(stack, "GET", `/api/projects/${project}/${path}&cursor=garbage`, {
      token: client.token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("invalid_cursor");
  });
});
