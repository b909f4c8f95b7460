// Cold-start benchmark: bundles each Lambda entry point the way a deploy would (esbuild, ESM,
// minified, Node 22) and measures bundle size and the time a fresh Node process takes to
// import it, as a ratio to an empty `node -e 0` measured in the same run.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleFunctions, ENTRIES } from "../infra/bundle";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = 7;
// The configuration a deployed function gets, so the import includes its cold-start config parse.
const LAMBDA_ENV = {
  STAGE: "bench",
  DATA_TABLE: "bench-data",
  REALTIME_TABLE: "bench-realtime",
  UPLOADS_BUCKET: "bench-uploads",
  AGENT_QUEUE_URL: "https://sqs.us-east-1.amazonaws.com/000000000000/bench",
  WS_MANAGEMENT_URL: "https://example.execute-api.us-east-1.amazonaws.com/bench",
  WS_PUBLIC_URL: "wss://example.execute-api.us-east-1.amazonaws.com/bench",
  PUBLIC_URL: "http://bench.example",
  AWS_REGION: "us-east-1",
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function timeNode(args: string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, args, {
      stdio: "ignore",
      env: { ...process.env, ...LAMBDA_ENV, NODE_NO_WARNINGS: "1" },
    });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

export async function coldStart() {
  // Inside the repo so the bundles resolve the AWS SDK, as they would from Lambda's runtime.
  const out = await mkdtemp(join(ROOT, "node_modules", ".rehome-bench-"));
  const baselineMs = timeNode(["-e", "0"]);
  const results = [];
  const bundles = await bundleFunctions(out, ENTRIES);
  for (const [entry, file] of Object.entries(bundles)) {
    const loader = join(out, `load-${entry}.mjs`);
    await writeFile(loader, `await import(${JSON.stringify(file)});`);
    const bytes = (await stat(file)).size;
    const importMs = timeNode([loader]);
    results.push({
      entry,
      bytes,
      gzipBytes: gzipSync(readFileSync(file)).length,
      importMs: Math.round(importMs),
      ratioToEmptyNode: Number((importMs / baselineMs).toFixed(2)),
    });
  }
  await rm(out, { recursive: true, force: true });
  return {
    baselineMs: Math.round(baselineMs),
    runs: RUNS,
    awsSdk: "external (provided by the Lambda runtime)",
    results,
  };
}
