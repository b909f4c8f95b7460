// `npm run bench`: runs every benchmark, prints the numbers and writes bench/results/*.json.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { coldStart } from "./coldstart";

const RESULTS = resolve(import.meta.dirname, "results");

async function save(name: string, result: unknown) {
  await mkdir(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, ...(result as object) }, null, 2)}\n`,
  );
  return file;
}

const cold = await coldStart();
console.log(`Cold start (median of ${cold.runs}; empty node: ${cold.baselineMs} ms)`);
for (const r of cold.results) {
  console.log(
    `  ${r.entry.padEnd(14)} ${(r.bytes / 1024).toFixed(0).padStart(5)} KB (${(r.gzipBytes / 1024).toFixed(0)} KB gz)  import ${r.importMs} ms  = ${r.ratioToEmptyNode}x empty node`,
  );
}
console.log(`→ ${await save("coldstart", cold)}`);

// The stream benchmark has its own entry (npm run bench:stream) and joins here when present.
const streamBench = resolve(import.meta.dirname, "stream.ts");
if (existsSync(streamBench)) await import(streamBench);
