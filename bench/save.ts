// Where benchmark results go: one JSON file per benchmark under bench/results/, stamped with
// the time and the Node version it was measured with.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const RESULTS = resolve(import.meta.dirname, "results");

/** Writes bench/results/<name>.json and returns its path. */
export async function save(name: string, result: object) {
  await mkdir(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`,
  );
  return file;
}
