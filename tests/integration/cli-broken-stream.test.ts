// `rehome smoke` against a stack whose worker never answers: a broken stream must fail the
// smoke test with a clear message, not hang or pass. (Its own file: one stack per process.)
import { afterAll, beforeAll, expect, it } from "vitest";
import { smoke } from "../support/cli";
import { bootStack, type Stack } from "../support/stack";

let stack: Stack;
beforeAll(async () => {
  stack = await bootStack({ worker: false });
});
afterAll(() => stack?.stop());

it("smoke fails with a clear message when the stream is broken", async () => {
  const result = await smoke(stack.url, "team@demo.rehome.local", "rehome-demo", "--timeout", "3");
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/no final done within 3s .*the stream is broken/);
});
