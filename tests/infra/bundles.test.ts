// The Lambda bundles as deployed (infra/bundle.ts): no function's cold start loads a module on its
// deny list (a provider SDK where nothing calls it, password hashing, mail, AWS clients other
// than DynamoDB), the WebSocket functions do not even carry them, and what loads on first use keeps
// its named exports. A lazy import that turns eager again fails here, naming the module and the function.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  bundle,
  bundleFunctions,
  ELECTRODB_READS,
  ENTRIES,
  mapsDirOf,
  SAMPLE_ENV,
} from "@rehome/infra/bundle";
import { type Contents, contentsOf, DENIED, ON_FIRST_USE } from "@rehome/infra/bundle-contents";
import type { Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dir: string;
const contents: Record<string, Contents> = {};
const metafiles: Record<string, Metafile> = {};
const bundles: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rehome-bundles-"));
  for (const [entry, { file, metafile }] of Object.entries(await bundleFunctions(dir))) {
    contents[entry] = contentsOf(metafile);
    metafiles[entry] = metafile;
    bundles[entry] = file;
  }
}, 120_000);

/** Imports a bundle in a fresh Node with a deployed function's configuration and no NODE_PATH. */
function importAlone(file: string) {
  const { NODE_PATH: _, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ["--input-type=module", "-e", `await import(${JSON.stringify(file)})`],
    {
      cwd: dirname(file),
      env: { ...env, ...SAMPLE_ENV, NODE_NO_WARNINGS: "1" },
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
}
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(ENTRIES)("the %s bundle", (entry) => {
  it("loads no module of its deny list at import", () => {
    const loaded = DENIED[entry].notAtImport.filter((name) => contents[entry]?.packagesAtImport.has(name));
    expect(loaded).toEqual([]);
  });

  it("deploys no source map, and keeps its maps beside the function's folder", async () => {
    const folder = dirname(bundles[entry] ?? "");
    const deployed = await readdir(folder, { recursive: true });
    expect(deployed.filter((file) => file.endsWith(".map"))).toEqual([]);
    const maps = await readdir(mapsDirOf(folder), { recursive: true });
    expect(maps).toContain("index.mjs.map");
    const chunks = deployed.filter((file) => file.endsWith(".mjs") && file !== "index.mjs");
    expect(chunks.map((file) => `${file}.map`).filter((map) => !maps.includes(map))).toEqual([]);
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

  it("carries only the zod it calls: no function but the API's takes zod's namespace whole", () => {
    // Imported as `import * as z`, zod tree-shakes: what no module calls stays out, such as its
    // JSON Schema reader. `import { z }` keeps all of zod, as @hono/zod-openapi does in the API.
    const bytes = Object.values(metafiles[entry]?.outputs ?? {}).reduce(
      (sum, output) =>
        sum + (output.inputs["node_modules/zod/v4/classic/from-json-schema.js"]?.bytesInOutput ?? 0),
      0,
    );
    if (entry === "http") expect(bytes).toBeGreaterThan(0);
    else expect(bytes).toBe(0);
  });

  it("sets the small heap in the agent worker alone, before its handler loads", () => {
    const inputs = Object.keys(metafiles[entry]?.inputs ?? {});
    const smallHeap = inputs.indexOf("packages/functions/src/agent/small-heap.ts");
    if (entry !== "agent-worker") return expect(smallHeap).toBe(-1);
    expect(smallHeap).toBeGreaterThan(-1);
    expect(smallHeap).toBeLessThan(inputs.indexOf("packages/functions/src/agent/worker.ts"));
  });

  it("loads only the DynamoDB clients at import", () => {
    expect(contents[entry]?.sdkAtImport).toEqual(["@aws-sdk/client-dynamodb", "@aws-sdk/lib-dynamodb"]);
  });

  it("carries the DynamoDB commands it sends, not the whole client", () => {
    // ElectroDB's require() of lib-dynamodb once kept every command, the aggregated client and
    // its waiters, wrapped to run at each cold start.
    const inputs = Object.keys(metafiles[entry]?.inputs ?? {}).filter((input) =>
      /client-dynamodb\/dist-es\/(DynamoDB\.js|waiters\/)/.test(input),
    );
    const kept = inputs.filter((input) =>
      Object.values(metafiles[entry]?.outputs ?? {}).some((output) => output.inputs[input]?.bytesInOutput),
    );
    expect(kept).toEqual([]);
  });

  it("carries its own AWS SDK: it imports with no node_modules to resolve from", async () => {
    // Built outside the repository, the bundle finds no package on disk; Lambda's runtime copy of
    // the SDK (on NODE_PATH) is not needed either.
    const imported = await importAlone(bundles[entry] ?? "");
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
  });
});

describe.each(Object.entries(ON_FIRST_USE))("the %s bundle", (entry, packages) => {
  it.each(packages)("deploys %s and loads it on first use only", (name) => {
    expect(contents[entry]?.packagesDeployed.has(name)).toBe(true);
    expect(contents[entry]?.packagesAtImport.has(name)).toBe(false);
  });
});

it("fills in every name ElectroDB reads off the SDK modules it requires", async () => {
  // A newer ElectroDB reading another command would find its slot empty only when it sends it.
  const client = await readFile(createRequire(import.meta.url).resolve("electrodb/src/client.js"), "utf8");
  const reads = (pattern: RegExp) =>
    [...new Set([...client.matchAll(pattern)].map((match) => match[1]))].sort();
  expect(reads(/this\.lib\.(\w+)/g)).toEqual([...ELECTRODB_READS["@aws-sdk/lib-dynamodb"]].sort());
  expect(reads(/\butil\.(\w+)/g)).toEqual([...ELECTRODB_READS["@aws-sdk/util-dynamodb"]].sort());
});

describe("ElectroDB in a bundle, its model check left to the tests", () => {
  it("builds entities and a service over them as it does unbundled", async () => {
    const { file, metafile } = await bundle(
      join(import.meta.dirname, "electrodb-entry.ts"),
      join(dir, "electrodb"),
    );
    expect(contentsOf(metafile).packagesDeployed.has("jsonschema")).toBe(false);
    const run = (args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, args, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    const bundled = JSON.parse(await run([file]));
    const unbundled = JSON.parse(
      await run(["--import", "tsx", join(import.meta.dirname, "electrodb-entry.ts")]),
    );
    expect(bundled).toEqual(unbundled);
    expect(bundled.entities).toEqual(["first", "second"]);
  });

  it("reaches jsonschema only through the validator the bundle replaces", async () => {
    // A newer ElectroDB calling another method, or requiring jsonschema elsewhere, fails here first.
    const require = createRequire(import.meta.url);
    const source = dirname(require.resolve("electrodb/src/validations.js"));
    const requiring = [];
    for (const name of await readdir(source))
      if ((await readFile(join(source, name), "utf8")).includes('require("jsonschema")'))
        requiring.push(name);
    expect(requiring).toEqual(["validations.js"]);
    const validations = await readFile(join(source, "validations.js"), "utf8");
    const called = [...new Set([...validations.matchAll(/\bv\.(\w+)\(/g)].map((match) => match[1]))].sort();
    expect(called).toEqual(["addSchema", "validate"]);
  });
});

it("no function but the agent worker would deploy the Anthropic SDK unnoticed", () => {
  // The check itself must be able to fail: the worker loads the SDK at import, where the others deny it.
  expect(contents["agent-worker"]?.packagesAtImport.has("@anthropic-ai/sdk")).toBe(true);
  for (const entry of ENTRIES.filter((name) => name !== "agent-worker"))
    expect(DENIED[entry].notDeployed).toContain("@anthropic-ai/sdk");
});
