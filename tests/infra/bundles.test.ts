// The Lambda bundles as deployed (infra/bundle.ts): no function's cold start loads a module on its
// deny list (a provider SDK where nothing calls it, password hashing, mail, AWS clients other
// than DynamoDB), the WebSocket functions do not even carry them, and what loads on first use keeps
// its named exports. A lazy import that turns eager again fails here, naming the module and the function.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleFunctions, ENTRIES } from "@rehome/infra/bundle";
import { type Contents, contentsOf, DENIED, ON_FIRST_USE } from "@rehome/infra/bundle-contents";
import type { Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dir: string;
const contents: Record<string, Contents> = {};
const metafiles: Record<string, Metafile> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rehome-bundles-"));
  const bundles = await bundleFunctions(dir);
  for (const [entry, { metafile }] of Object.entries(bundles)) {
    contents[entry] = contentsOf(metafile);
    metafiles[entry] = metafile;
  }
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(ENTRIES)("the %s bundle", (entry) => {
  it("loads no module of its deny list at import", () => {
    const loaded = DENIED[entry].notAtImport.filter((name) => contents[entry]?.packagesAtImport.has(name));
    expect(loaded).toEqual([]);
  });

  it("carries no module it must not deploy", () => {
    const carried = DENIED[entry].notDeployed.filter((name) => contents[entry]?.packagesDeployed.has(name));
    expect(carried).toEqual([]);
  });

  it("keeps the named exports of every module it imports on first use", () => {
    // A package's CommonJS or UMD build, imported with `await import()`, yields a lone default:
    // `const { argon2Verify } = await import("hash-wasm")` was undefined, and sign-in a 500.
    const lazy = Object.values(metafiles[entry]?.outputs ?? {}).filter(
      (output) => output.entryPoint && !output.entryPoint.startsWith("packages/functions/"),
    );
    for (const output of lazy) expect(output.exports, output.entryPoint).not.toEqual(["default"]);
  });

  it("deploys zod's English messages alone, none of its other locales", () => {
    const inputs = Object.keys(metafiles[entry]?.inputs ?? {});
    expect(inputs.filter((input) => /zod\/v4\/locales\/(?!en\.js)/.test(input))).toEqual([]);
  });

  it("sets the small heap in the agent worker alone, before its handler loads", () => {
    const inputs = Object.keys(metafiles[entry]?.inputs ?? {});
    const smallHeap = inputs.indexOf("packages/functions/src/agent/small-heap.ts");
    if (entry !== "agent-worker") return expect(smallHeap).toBe(-1);
    expect(smallHeap).toBeGreaterThan(-1);
    expect(smallHeap).toBeLessThan(inputs.indexOf("packages/functions/src/agent/worker.ts"));
  });

  it("requires only the DynamoDB SDK at import", () => {
    expect(contents[entry]?.sdkAtImport).toEqual([
      "@aws-sdk/client-dynamodb",
      "@aws-sdk/lib-dynamodb",
      "@aws-sdk/util-dynamodb",
    ]);
  });
});

describe.each(Object.entries(ON_FIRST_USE))("the %s bundle", (entry, packages) => {
  it.each(packages)("deploys %s and loads it on first use only", (name) => {
    expect(contents[entry]?.packagesDeployed.has(name)).toBe(true);
    expect(contents[entry]?.packagesAtImport.has(name)).toBe(false);
  });
});

it("no function but the agent worker would deploy the Anthropic SDK unnoticed", () => {
  // The check itself must be able to fail: the worker loads the SDK at import, where the others deny it.
  expect(contents["agent-worker"]?.packagesAtImport.has("@anthropic-ai/sdk")).toBe(true);
  for (const entry of ENTRIES.filter((name) => name !== "agent-worker"))
    expect(DENIED[entry].notDeployed).toContain("@anthropic-ai/sdk");
});
