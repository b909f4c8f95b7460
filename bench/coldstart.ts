// Cold-start benchmark: bundles each Lambda entry point as a deploy does (infra/bundle.ts) and
// measures, in fresh Node processes started in turn: an empty `node -e`, each bundle's import,
// and each bundle's floor (its AWS SDK clients alone, required and constructed), as ratios to the
// empty Node of the same run. Then the cold first request against a local stack, beside the warm
// one. Records per bundle what its cold start loads and its ten largest modules.
import { mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { bundleFunctions, ENTRIES, SAMPLE_ENV } from "../infra/bundle";
import { contentsOf } from "../infra/bundle-contents";
import { REPORT_CPU, type Target, type Timed, timeProcesses } from "./coldstart/processes";
import { coldRequests, REQUEST_PATH, type Sandbox } from "./coldstart/request";
import { floorScript, importScript, requestScript, runtimeFloorScript } from "./coldstart/scripts";

const ROOT = resolve(import.meta.dirname, "..");
/** The targets: import time over an empty Node's, per function. */
export const TARGET_RATIO: Record<string, number> = {
  http: 3.0,
  "ws-connect": 3.0,
  "ws-disconnect": 3.0,
  "ws-default": 3.0,
  "agent-worker": 3.5,
  "agent-dead-letters": 3.5,
  "digest-schedule": 3.5,
};
const EMPTY = "empty node";

const ratio = (of: Timed, to: Timed | undefined, key: "wallMs" | "cpuMs") =>
  Number((of[key].median / (to?.[key].median || 1)).toFixed(2));

export interface ColdStartOptions {
  runs: number;
  /** Another build's bundle folder (say, main's `npm run build:lambdas`) whose HTTP bundle's cold request is measured in the same run. */
  compareWith?: string;
}

export async function coldStart({ runs, compareWith }: ColdStartOptions) {
  // Inside the repo so the bundles resolve the AWS SDK, as they would from Lambda's runtime.
  const out = await mkdtemp(join(ROOT, "node_modules", ".rehome-bench-"));
  try {
    const bundles = await bundleFunctions(out, ENTRIES);
    const contents = Object.fromEntries(
      Object.entries(bundles).map(([entry, { metafile }]) => [entry, contentsOf(metafile)]),
    );
    // Bundles that load the same SDK clients share one floor.
    const floorOf = (entry: string) => contents[entry]?.sdkAtImport.join(" + ") || "no SDK";
    const runtimeFloorOf = (entry: string) => `${floorOf(entry)}, the runtime's copy`;
    const floors = [...new Set(ENTRIES.map(floorOf))];
    const clientsOf = (floor: string) => (floor === "no SDK" ? [] : floor.split(" + "));
    const targets: Target[] = [
      { name: EMPTY, args: ["-e", REPORT_CPU] },
      ...(await Promise.all(
        floors.map(async (floor, i) => ({
          name: floor,
          args: [await floorScript(out, String(i), clientsOf(floor))],
        })),
      )),
      ...(await Promise.all(
        floors.map(async (floor, i) => ({
          name: runtimeFloorOf(floor),
          args: [await runtimeFloorScript(out, String(i), clientsOf(floor))],
        })),
      )),
      ...(await Promise.all(
        Object.entries(bundles).map(async ([entry, { file }]) => ({
          name: entry,
          args: [await importScript(out, entry, file)],
        })),
      )),
    ];
    const timed = await timeProcesses(targets, runs, {
      ...process.env,
      ...SAMPLE_ENV,
      NODE_NO_WARNINGS: "1",
    });
    const empty = timed[EMPTY];
    const results = ENTRIES.map((entry) => {
      const bundle = timed[entry];
      const floor = timed[floorOf(entry)];
      const runtimeFloor = timed[runtimeFloorOf(floorOf(entry))];
      const content = contents[entry];
      if (!bundle || !floor || !runtimeFloor || !content) throw new Error(`${entry} was not measured`);
      return {
        entry,
        bytesAtImport: content.bytesAtImport,
        bytesOnFirstUse: content.bytesOnFirstUse,
        importMs: bundle.wallMs,
        cpuMs: bundle.cpuMs,
        ratioToEmptyNode: ratio(bundle, empty, "wallMs"),
        cpuRatioToEmptyNode: ratio(bundle, empty, "cpuMs"),
        target: TARGET_RATIO[entry],
        ratioToFloor: ratio(bundle, floor, "wallMs"),
        floor: {
          sdk: content.sdkAtImport,
          importMs: floor.wallMs,
          ratioToEmptyNode: ratio(floor, empty, "wallMs"),
          cpuRatioToEmptyNode: ratio(floor, empty, "cpuMs"),
        },
        runtimeFloor: {
          importMs: runtimeFloor.wallMs,
          ratioToEmptyNode: ratio(runtimeFloor, empty, "wallMs"),
          cpuRatioToEmptyNode: ratio(runtimeFloor, empty, "cpuMs"),
        },
        largestAtImport: content.largestAtImport,
        largestOnFirstUse: content.largestOnFirstUse,
      };
    });

    const http = bundles.http?.file ?? "";
    const sandboxes: Record<string, Sandbox> = {
      "this build": { bundle: http, initialization: "on-demand" },
      provisioned: { bundle: http, initialization: "provisioned-concurrency" },
    };
    if (compareWith)
      sandboxes.compared = { bundle: resolve(compareWith, "http", "index.mjs"), initialization: "on-demand" };
    const requests = await coldRequests(await requestScript(out), sandboxes, runs);
    return {
      runs,
      method:
        "Medians of `runs` fresh processes per target, started in turn (one of each per round) so a drifting " +
        "load touches all alike. Wall time is what the parent saw from spawn to exit; CPU is the process's " +
        "own user + system time, steadier on a loaded machine. p25/p75 show the spread. A floor constructs the " +
        "SDK clients its bundles load at import, bundled as the functions are; the runtime floor requires the " +
        "same clients from node_modules, as a function using the Lambda runtime's copy of the SDK would.",
      awsSdk: "bundled (ES module build, tree-shaken), not the Lambda runtime's copy",
      emptyNode: { wallMs: empty?.wallMs, cpuMs: empty?.cpuMs },
      results,
      coldRequest: {
        request: `GET ${REQUEST_PATH} with a bearer token, the Resend key given by ARN in Secrets Manager, as on AWS (local stand-ins)`,
        // Which build was compared is for the reader to say: a folder of this machine means nothing elsewhere.
        ...(compareWith ? { compared: "the HTTP bundle of another build, given by --compare" } : {}),
        provisioned:
          "this build in a provisioned sandbox (warm hours, infra/warm.ts): imported includes the init's warm-up, and the first answer is what a person meets",
        bundles: Object.fromEntries(
          Object.entries(requests).map(([name, r]) => [
            name,
            {
              readyMs: r.reported.readyMs,
              coldRequestMs: r.reported.coldRequestMs,
              firstAnswerMs: Math.round((r.reported.coldRequestMs ?? 0) - (r.reported.readyMs ?? 0)),
              warmRequestMs: Number(r.reported.warmRequestMs?.toFixed(1)),
              processWallMs: r.wallMs,
            },
          ]),
        ),
      },
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
