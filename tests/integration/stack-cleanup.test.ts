// A stack started without a data folder (every test suite's) keeps its stored objects in a
// temporary folder: it must go when the stack stops, or each test run leaves folders behind.
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { expect, it } from "vitest";
import { bootStack } from "../support/stack";

const foldersOf = async (prefix: string) =>
  (await readdir(tmpdir())).filter((name) => name.startsWith(`rehome-${prefix}-`));

it("a stack's temporary object folder is removed when the stack stops", async () => {
  const prefix = `cleanup${Date.now().toString(36)}`;
  const stack = await bootStack({ prefix, seed: false });
  expect(await foldersOf(prefix)).toHaveLength(1);
  await stack.stop();
  expect(await foldersOf(prefix)).toEqual([]);
});
