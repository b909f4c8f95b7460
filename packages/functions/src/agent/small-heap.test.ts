// The agent worker's heap policy, in a fresh Node as Lambda starts one: where V8's defaults grow
// the young generation under a churn of short-lived objects, the worker's stays at its start.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const MB = 2 ** 20;
const CHURN = `
const { getHeapSpaceStatistics } = await import("node:v8");
const kept = [];
for (let i = 0; i < 3e6; i++) {
  const item = { i, text: "item " + i };
  if (i % 50 === 0) kept.push(item);
}
console.log(getHeapSpaceStatistics().find((space) => space.space_name === "new_space").space_size);
`;

async function youngGenerationAfterChurn(first?: string) {
  const script = `${first ? `await import(${JSON.stringify(first)});` : ""}${CHURN}`;
  const { stdout } = await promisify(execFile)(process.execPath, [
    "--import",
    "tsx",
    "--input-type=module",
    "-e",
    script,
  ]);
  return Number(stdout.trim());
}

it("keeps the young generation at its starting 2 MB where V8's defaults grow it", async () => {
  const [defaults, small] = await Promise.all([
    youngGenerationAfterChurn(),
    youngGenerationAfterChurn(pathToFileURL(resolve(import.meta.dirname, "small-heap.ts")).href),
  ]);
  expect(defaults).toBeGreaterThan(4 * MB);
  expect(small).toBeLessThanOrEqual(2 * MB);
});
