// The authorization matrix: EVERY route of the OpenAPI document, against every kind of caller
// — admin of the workspace, admin of another workspace, an assigned participant of each role,
// an unassigned participant, a deactivated person, no token, a revoked token — answers the
// status in the table (support/routes.ts), and a refused request writes nothing to the Data
// table. A route the table does not know fails the suite, so a new route cannot be forgotten.

import type { Stack } from "@rehome/local/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Expectation, expected, routes } from "../support/routes";
import { call } from "../support/stack";
import { changes, snapshot } from "../support/table";
import {
  bootRouteSuite,
  isErrorShape,
  type OpenApiDocument,
  type People,
  WHO,
  type Who,
  type World,
  world,
} from "../support/world";

let stack: Stack;
let people: People;
let documented: string[];

beforeAll(async () => {
  let document: OpenApiDocument;
  ({ stack, people, document } = await bootRouteSuite());
  documented = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}, 120_000);
afterAll(() => stack?.stop());

/** The request a route gets in one world: its path and body, made before anyone calls it. */
async function prepare(route: string, e: Expectation, w: World) {
  const [method = "", path = ""] = route.split(" ");
  const body = e.body ? await e.body(w) : method === "GET" || method === "DELETE" ? undefined : {};
  return { method, path: await w.path(), body };
}

function send(request: Awaited<ReturnType<typeof prepare>>, who: Who) {
  const token = who === "anonymous" ? undefined : people.tokens[who];
  return call(stack, request.method, request.path, { token, body: request.body });
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

  it.each(Object.keys(routes))(
    "%s answers each caller as expected; refusals write nothing",
    async (route) => {
      const e = routes[route] as Expectation;
      const path = route.split(" ")[1] ?? "";
      const refused = WHO.filter((who) => expected(route, e, who) >= 400);
      const allowed = WHO.filter((who) => expected(route, e, who) < 400);

      if (refused.length > 0) {
        const prepared = await prepare(route, e, world(stack, people, path));
        const before = await snapshot();
        for (const who of refused) {
          const answer = await send(prepared, who);
          expect(answer.status, `${who}: ${JSON.stringify(answer.body)}`).toBe(expected(route, e, who));
          expect(isErrorShape(answer.body), `${who} gets the error shape`).toBe(true);
        }
        expect(changes(before, await snapshot()), "items written by refused requests").toEqual([]);
      }
      for (const who of allowed) {
        const answer = await send(await prepare(route, e, world(stack, people, path)), who);
        expect(answer.status, `${who}: ${JSON.stringify(answer.body)}`).toBe(expected(route, e, who));
        if (e.endsSession) await people.refresh(who);
      }
    },
  );
});
