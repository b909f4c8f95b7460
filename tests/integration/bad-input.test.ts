// Every write route, driven with generated invalid bodies (fast-check): wrong types, oversized
// values, missing and unknown fields, non-objects, malformed JSON; and every route with ids in
// its path, driven with junk ids. Never a 5xx; every refusal is the one error shape with the
// request id; and a refused request leaves the Data table exactly as it was: no partial write.

import type { Stack } from "@rehome/local/stack";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, type Expectation, routes } from "../support/routes";
import { call } from "../support/stack";
import { changes, snapshot } from "../support/table";
import {
  bootRouteSuite,
  isErrorShape,
  type OpenApiDocument,
  type People,
  type Schema,
  world,
} from "../support/world";

let stack: Stack;
let people: People;
let document: OpenApiDocument;

beforeAll(async () => {
  ({ stack, people, document } = await bootRouteSuite());
}, 120_000);
afterAll(() => stack?.stop());

/** The JSON body schema of a route, with its `$ref` followed. */
function bodySchema(route: string): Schema | undefined {
  const [method = "", path = ""] = route.split(" ");
  const schema =
    document.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.["application/json"]?.schema;
  const ref = schema?.$ref?.split("/").at(-1);
  return ref ? document.components?.schemas?.[ref] : schema;
}

const writes = Object.entries(routes).filter(([route, e]) => !route.startsWith("GET") && e.body);

/** Any JSON value, including ones far beyond any field's limits (yet within the body limit). */
const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
  fc.constant("x".repeat(300_000)),
  // Numbers a JSON body can carry but DynamoDB cannot store (its magnitude ends at 1e-130).
  fc.constantFrom(5e-324, 1e-200, 1.7976931348623157e308),
);

type Input = { body: unknown } | { raw: string };

/** Invalid variations of a valid body: a wrong field, a missing one, an unknown one, or no object. */
function invalid(valid: Record<string, unknown>, fields: string[]): fc.Arbitrary<Input> {
  const choices: fc.Arbitrary<Input>[] = [
    junk.map((body) => ({ body })),
    fc.string({ maxLength: 40 }).map((raw) => ({ raw: `{${raw}` })),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), junk)
      .map(([name, value]) => ({ body: { ...valid, [`x${name}`]: value } })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    choices.push(fc.tuple(field, junk).map(([name, value]) => ({ body: { ...valid, [name]: value } })));
    choices.push(
      field.map((name) => ({ body: Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name)) })),
    );
  }
  return fc.oneof(...choices);
}

describe("bad input on every write route", () => {
  it("knows a valid body for every route of the document that takes one", () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(15);
    expect(documented.filter((route) => !routes[route]?.body)).toEqual([]);
  });

  it.each(writes)("%s: never a 5xx, always the error shape, never a partial write", async (route, e) => {
    const [method = "", path = ""] = route.split(" ");
    const w = world(stack, people, path);
    const url = await w.path();
    const valid = ((await (e as Expectation).body?.(w)) ?? {}) as Record<string, unknown>;
    const fields = Object.keys(bodySchema(route)?.properties ?? {});
    const token = people.tokens[callerFor(e as Expectation)];
    let baseline = await snapshot();

    await fc.assert(
      fc.asyncProperty(invalid(valid, fields), async (input) => {
        const answer = await call(stack, method, url, { token, ...input });
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
        expect(answer.headers.get("x-request-id")).toBeTruthy();
        if (answer.status < 400) {
          // The generator hit a valid body: a full write is fine, and the new normal.
          baseline = await snapshot();
          return;
        }
        expect(isErrorShape(answer.body), JSON.stringify(answer.body)).toBe(true);
        expect(answer.body.error.requestId).toBe(answer.headers.get("x-request-id"));
        expect(changes(baseline, await snapshot()), "partial write").toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  const withIds = Object.entries(routes).filter(([route]) => route.includes("{"));
  // A bare `.` or `..` segment is resolved by the URL parser into another route: not an id.
  const junkId = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 80 }),
      fc.constantFrom("../../etc/passwd", "%00", "a".repeat(300), "💥", "0".repeat(26)),
    )
    .filter((id) => id !== "." && id !== "..");

  it.each(withIds)(
    "%s with junk ids: never a 5xx, always the error shape, nothing written",
    async (route, e) => {
      const [method = "", path = ""] = route.split(" ");
      const w = world(stack, people, path);
      const url = await w.path();
      const body = await (e as Expectation).body?.(w);
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
      const real = url.split("/");
      const token = people.tokens[callerFor(e as Expectation)];
      const before = await snapshot();

      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), junkId, async (name, id) => {
          const at = path.split("/").indexOf(`{${name}}`);
          const parts = [...real];
          parts[at] = encodeURIComponent(id);
          const answer = await call(stack, method, parts.join("/"), { token, body });
          expect(answer.status, `${parts.join("/")}: ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(
            400,
          );
          expect(answer.status).toBeLessThan(500);
          expect(isErrorShape(answer.body), JSON.stringify(answer.body)).toBe(true);
        }),
        { numRuns: 15 },
      );
      expect(changes(before, await snapshot()), "written by a request with a junk id").toEqual([]);
    },
  );

  // The stored keys are lower case and ElectroDB lower-cases a key it is given: a real id spelt
  // in upper case found its item, and a write then stored the key attributes in that spelling
  // (a person renamed so was no longer a member of any project).
  it.each(withIds)("%s with a real id in upper case: refused, nothing written", async (route, e) => {
    const [method = "", path = ""] = route.split(" ");
    const w = world(stack, people, path);
    const url = await w.path();
    const body = await (e as Expectation).body?.(w);
    const segments = path.split("/");
    const real = url.split("/");
    const token = people.tokens[callerFor(e as Expectation)];
    const before = await snapshot();
    const ids = segments.flatMap((segment, at) =>
      /^\{\w+\}$/.test(segment) && /[a-z]/.test(real[at] ?? "") ? [at] : [],
    );
    for (const at of ids) {
      const parts = [...real];
      parts[at] = (real[at] ?? "").toUpperCase();
      const answer = await call(stack, method, parts.join("/"), { token, body });
      expect(answer.status, `${parts.join("/")}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(isErrorShape(answer.body), JSON.stringify(answer.body)).toBe(true);
    }
    expect(changes(before, await snapshot()), "written by a request with an upper-case id").toEqual([]);
  });
});
