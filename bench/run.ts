// `npm run bench`: runs every benchmark, prints the numbers and writes bench/results/*.json.
// `-- --runs N` sets the fresh processes per cold-start figure; `-- --compare <dir>` also measures
// the cold first request of another build's bundles (e.g. main's `npm run build:lambdas`);
// `-- --no-stream` skips the stream benchmark.
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { coldStart } from "./coldstart";
import { save } from "./save";
import { webFirstLoad } from "./web";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "9" },
    compare: { type: "string" },
    "no-stream": { type: "boolean", default: false },
  },
  // The stream benchmark reads its own flags from the same command line.
  strict: false,
});
const cold = await coldStart({ runs: Number(flags.runs), compareWith: flags.compare as string | undefined });
const { emptyNode } = cold;
console.log(
  `Cold start (median of ${cold.runs} fresh processes; empty node: ${emptyNode.wallMs?.median} ms wall, ${emptyNode.cpuMs?.median} ms CPU)`,
);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
for (const r of cold.results) {
  const verdict = r.ratioToEmptyNode <= (r.target ?? 0) ? "meets" : "misses";
  console.log(
    `  ${r.entry.padEnd(18)} ${kb(r.bytesAtImport).padStart(7)} at import (+${kb(r.bytesOnFirstUse)} on first use)  ` +
      `import ${r.importMs.median} ms [${r.importMs.p25}-${r.importMs.p75}] = ${r.ratioToEmptyNode}x (CPU ${r.cpuRatioToEmptyNode}x), ` +
      `${verdict} ${r.target}x; floor ${r.floor.ratioToEmptyNode}x (CPU ${r.floor.cpuRatioToEmptyNode}x), ` +
      `${r.ratioToFloor}x the floor; the runtime's SDK alone ${r.runtimeFloor.ratioToEmptyNode}x`,
  );
}
console.log(`  floors: ${[...new Set(cold.results.map((r) => r.floor.sdk.join(" + ")))].join("; ")}`);
console.log(`Cold first request (${cold.coldRequest.request}), ms since the process started:`);
for (const [name, r] of Object.entries(cold.coldRequest.bundles)) {
  console.log(
    `  ${name.padEnd(11)} imported ${r.readyMs}, answered ${r.coldRequestMs} (first answer ${r.firstAnswerMs}); warm answer ${r.warmRequestMs}`,
  );
}
console.log(`→ ${await save("coldstart", cold)}`);

const web = await webFirstLoad();
console.log("Web first load (index.html and what it names; bytes a browser downloads from the bucket):");
for (const [name, r] of [
  ["first load", web.firstLoad],
  ["whole build", web.wholeBuild],
] as const) {
  console.log(
    `  ${name.padEnd(11)} as built ${kb(r.asBuilt)}, as stored ${kb(r.asStored)} (${r.ratio}x fewer bytes); ` +
      `at slow 4G ${r.slow4gSeconds.asBuilt} s → ${r.slow4gSeconds.asStored} s`,
  );
}
const form = web.signInForm;
console.log(
  "skipped" in form
    ? `  sign-in form: skipped (${form.skipped})`
    : `  sign-in form in Chromium at slow 4G: ${form.asBuiltMs} ms as built, ${form.asStoredMs} ms as stored (${form.ratio}x sooner; median of ${form.rounds})`,
);
console.log(`→ ${await save("web", web)}`);

// Prompt caching runs its own stack in a process of its own (npm run bench:cache alone): core's
// config and clients, read once per process, still name the cold request's stack here.
const cache = fork(resolve(import.meta.dirname, "cache.ts"), [], { stdio: "inherit" });
const cacheExit = await new Promise<number | null>((done) => cache.on("exit", done));
if (cacheExit !== 0) throw new Error(`the prompt caching benchmark exited with ${cacheExit}`);

// The stream benchmark has its own entry (npm run bench:stream) and joins here when present.
const streamBench = resolve(import.meta.dirname, "stream.ts");
if (existsSync(streamBench) && !flags["no-stream"]) await import(streamBench);
