// `npm run bench`: runs every benchmark, prints the numbers and writes bench/results/*.json.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { coldStart } from "./coldstart";
import { save } from "./save";

const cold = await coldStart();
console.log(`Cold start (median of ${cold.runs}; empty node: ${cold.baselineMs} ms)`);
for (const r of cold.results) {
  console.log(
    `  ${r.entry.padEnd(14)} ${(r.bytes / 1024).toFixed(0).padStart(5)} KB (${(r.gzipBytes / 1024).toFixed(0)} KB gz)  import ${r.importMs} ms  = ${r.ratioToEmptyNode}x empty node`,
  );
}
console.log(`→ ${await save("coldstart", cold)}`);

// Prompt caching runs its own stack in this process (npm run bench:cache alone).
await import(resolve(import.meta.dirname, "cache.ts"));

// The stream benchmark has its own entry (npm run bench:stream) and joins here when present.
const streamBench = resolve(import.meta.dirname, "stream.ts");
if (existsSync(streamBench)) await import(streamBench);
