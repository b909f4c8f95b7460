// The authorization matrix: EVERY route of the OpenAPI document, against every kind of caller
// — admin of the workspace, admin of another workspace, an assigned participant of each role,
// a read-only API token, an unassigned participant, a deactivated person, no token, a revoked
// token — answers the status in the table (support/routes.ts), and a refused request writes
// nothing to the Data table. The routes of tasks, messages and files meet items of every
// variant (client-visible or internal; the caller's own, assigned to them, or someone else's),
// and what each caller gets is computed from the permission table of @rehome/core. A route the
// table does not know fails the suite, so a new route cannot be forgotten.

import { type Kind, may, seesInternal } from "@rehome/core/permissions";
import type { Stack } from "@rehome/local/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Case,
  type Expectation,
  expected,
  type ItemRoute,
  isItemRoute,
  predict,
  roleOn,
  routes,
} from "../support/routes";
import { call } from "../support/stack";
import { changes, snapshot } from "../support/table";
import {
  bootRouteSuite,
  isErrorShape,
  type Made,
  type OpenApiDocument,
  type People,
  PLURAL,
  personOf,
  subjectOf,
  type Variant,
  WHO,
  type Who,
  type World,
  world,
} from "../support/world";

let stack: Stack;
let people: People;
let documented: string[];
/** Every status and list membership checked, for the report. */
const checked = { statuses: 0, listings: 0 };

beforeAll(async () => {
  let document: OpenApiDocument;
  ({ stack, people, document } = await bootRouteSuite());
  documented = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}, 120_000);
afterAll(async () => {
  console.log(
    `authorization matrix: ${checked.statuses + checked.listings} cells checked ` +
      `(${checked.statuses} statuses, ${checked.listings} list memberships)`,
  );
  await stack?.stop();
});

/** The request a route gets in one world: its path and body, made before anyone calls it. */
async function prepare(route: string, e: Expectation, w: World) {
  const [method = "", path = ""] = route.split(" ");
  const body = e.body ? await e.body(w) : method === "GET" || method === "DELETE" ? undefined : {};
  return { method, path: await w.path(), body };
}

type Request = Awaited<ReturnType<typeof prepare>>;

function send(request: Request, who: Who) {
  const token = who === "anonymous" ? undefined : people.tokens[who];
  return call(stack, request.method, request.path, { token, body: request.body });
}

/** Runs `task` for each item, a few at a time: the requests are independent, the round trips add up. */
async function eachFew<T>(items: T[], task: (item: T) => Promise<void>) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** Sends each refused request, checks its status and error shape, and that none wrote anything. */
async function refuse(cells: { request: Request; who: Who; status: number; what: string }[]) {
  if (cells.length === 0) return;
  const before = await snapshot();
  await eachFew(cells, async ({ request, who, status, what }) => {
    const answer = await send(request, who);
    expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(status);
    expect(isErrorShape(answer.body), `${what} gets the error shape`).toBe(true);
  });
  checked.statuses += cells.length;
  expect(changes(before, await snapshot()), "items written by refused requests").toEqual([]);
}

const CREATES: Record<Kind, "create" | "post" | "upload" | "write"> = {
  task: "create",
  message: "post",
  file: "upload",
  change_order: "create",
  site_log: "write",
};

/**
 * The items `who` meets on an item route: their own (when their role may make one), assigned to
 * them (tasks; an internal one only for a role that sees internal items, as a client's task must
 * be visible), and someone else's — each client-visible and internal. Callers outside the
 * project meet someone else's only.
 */
function variantsOf(kind: Kind, who: Who): Variant[] {
  const role = roleOn(who);
  const someoneElse: Who = personOf(who) === "admin" ? "team" : "admin";
  return [true, false].flatMap((visible) => {
    if (!role) return [{ by: someoneElse, visible }];
    const variants: Variant[] = [];
    if (may<Kind>(role, "", kind, CREATES[kind])) variants.push({ by: who, visible });
    if (kind === "task" && (visible || seesInternal(role)))
      variants.push({ by: someoneElse, assignee: who, visible });
    variants.push({ by: someoneElse, visible });
    return variants;
  });
}

const keyOf = (v: Variant) => `${personOf(v.by)}|${v.assignee ? personOf(v.assignee) : ""}|${v.visible}`;

interface Cell {
  c: Case;
  who: Who;
  variant?: Variant;
  status: number;
  item?: Made;
}

/** One route of items: every case × caller × item variant, with the status the table predicts. */
async function checkItemRoute(route: string, e: ItemRoute) {
  const [method = "", template = ""] = route.split(" ");
  const w = world(stack, people, template);
  const project = await w.get("project");
  const param = `{${PLURAL[e.kind][1]}}`;
  const named = template.includes(param);
  const reads = method === "GET";
  const cells: Cell[] = e.cases.flatMap((c) =>
    WHO.flatMap((who) =>
      (named ? variantsOf(e.kind, who) : [undefined]).map((variant) => {
        const subject = variant && subjectOf(variant, people.ids);
        return { c, who, variant, status: predict(route, e, c, who, people.ids, subject) };
      }),
    ),
  );
  // A refused request changes nothing and a read nothing at all: they share an item of each
  // variant. A write that goes through gets an item of its own.
  const shared = new Map<string, Promise<Made>>();
  const itemOf = (variant: Variant, fresh: boolean) => {
    if (fresh) return w.item(e.kind, variant);
    const made = shared.get(keyOf(variant)) ?? w.item(e.kind, variant);
    shared.set(keyOf(variant), made);
    return made;
  };
  await eachFew(cells, async (cell) => {
    if (cell.variant) cell.item = await itemOf(cell.variant, !reads && cell.status < 400);
  });
  // A list meets every variant anyone meets.
  const listed = !named && reads ? await listFixtures(e.kind, w) : [];

  const base = template.replace("{id}", project);
  const requestOf = (cell: Cell): Request => {
    const path = cell.item
      ? base.replace(param, cell.item.id)
      : listed.length > 0
        ? `${base}?limit=100`
        : base;
    const body = cell.c.body?.(cell.item?.subject, w) ?? (reads || method === "DELETE" ? undefined : {});
    return { method, path, body };
  };
  const what = (cell: Cell) =>
    `${cell.who} ${cell.c.name}${cell.variant ? ` on ${keyOf(cell.variant)}` : ""}`;
  await refuse(
    cells
      .filter((cell) => cell.status >= 400)
      .map((cell) => ({ request: requestOf(cell), who: cell.who, status: cell.status, what: what(cell) })),
  );
  await eachFew(
    cells.filter(({ status }) => status < 400),
    async (cell) => {
      const answer = await send(requestOf(cell), cell.who);
      expect(answer.status, `${what(cell)}: ${JSON.stringify(answer.body)}`).toBe(cell.status);
      checked.statuses++;
      if (listed.length > 0) expectListing(e.kind, cell.who, listed, answer.body.items);
    },
  );
}

/** One item of each variant any caller meets, made once for a list route. */
async function listFixtures(kind: Kind, w: World): Promise<Made[]> {
  const variants = new Map(WHO.flatMap((who) => variantsOf(kind, who)).map((v) => [keyOf(v), v]));
  return Promise.all([...variants.values()].map((variant) => w.item(kind, variant)));
}

/** A list holds exactly the fixture items the caller's role may see. */
function expectListing(kind: Kind, who: Who, fixtures: Made[], items: Record<string, string>[]) {
  const role = roleOn(who);
  // An item's id in the list is the one its path names (a site log's is its day).
  const ids = new Set(items.map((i) => i[PLURAL[kind][1] === "date" ? "date" : "id"]));
  for (const { id, subject } of fixtures) {
    const visible = role !== undefined && may<Kind>(role, "", kind, "view", subject);
    expect(ids.has(id), `${who} lists ${JSON.stringify(subject)}`).toBe(visible);
    checked.listings++;
  }
}

describe("the authorization matrix", () => {
  it("has an expectation for every route of the OpenAPI document, and none for a route that is gone", () => {
    expect(documented.length).toBeGreaterThan(40);
    expect(
      documented.filter((route) => !routes[route]),
      "routes without an expectation",
    ).toEqual([]);
    expect(
      Object.keys(routes).filter((route) => !documented.includes(route)),
      "stale expectations",
    ).toEqual([]);
  });

  const byRole = Object.keys(routes).filter((route) => !isItemRoute(routes[route] as Expectation));
  it.each(byRole)("%s answers each caller as expected; refusals write nothing", async (route) => {
    const e = routes[route] as Expectation;
    const path = route.split(" ")[1] ?? "";
    const refused = WHO.filter((who) => expected(route, e, who) >= 400);
    const allowed = WHO.filter((who) => expected(route, e, who) < 400);

    const prepared = refused.length > 0 ? await prepare(route, e, world(stack, people, path)) : undefined;
    await refuse(
      refused.map((who) => ({
        request: prepared as Request,
        who,
        status: expected(route, e, who),
        what: who,
      })),
    );
    for (const who of allowed) {
      const answer = await send(await prepare(route, e, world(stack, people, path)), who);
      expect(answer.status, `${who}: ${JSON.stringify(answer.body)}`).toBe(expected(route, e, who));
      checked.statuses++;
      if (e.endsSession) await people.refresh(who);
    }
  });

  const byTable = Object.keys(routes).filter((route) => isItemRoute(routes[route] as Expectation));
  it.each(byTable)(
    "%s answers each caller, for each item, what the permission table says; refusals write nothing",
    (route) => checkItemRoute(route, routes[route] as ItemRoute),
    60_000,
  );

  it("an assignment never lifts anyone above their workspace role", async () => {
    const w = world(stack, people, "/api/projects/{id}");
    const client = people.ids.client;
    const answer = await call(stack, "PUT", `/api/projects/${await w.get("project")}/assignments/${client}`, {
      token: people.tokens.admin,
      body: { role: "team" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("assignment.role_above_workspace_role");
    const members = await call(stack, "GET", `/api/projects/${await w.get("project")}/assignments`, {
      token: people.tokens.admin,
    });
    expect(members.body.items.find((a: { userId: string }) => a.userId === client)?.role).toBe("client");
  });
});
