// Bundles the Lambda entry points for deployment (and for the cold-start benchmark): esbuild,
// ESM, minified, Node 22, one folder per function holding index.mjs and the chunks it loads on
// first use (code splitting: a module imported with `await import()` stays out of the cold
// start). The AWS SDK v3 is bundled too, from its ES module build, rather than taken from the
// Lambda runtime: tree-shaken to the commands the code sends and read from one file instead of
// hundreds, a DynamoDB client loads in about 70% of the time the runtime's copy takes
// (bench/results/coldstart.json, `runtimeFloor`), and the SDK's version is the lockfile's.
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";

export const ENTRIES = [
  "http",
  "ws-connect",
  "ws-disconnect",
  "ws-default",
  "agent-worker",
  "agent-dead-letters",
  "digest-schedule",
] as const;

const SOURCE = resolve(import.meta.dirname, "../packages/functions/src");

/**
 * A deployed function's configuration with placeholder values: what a bundle reads at import, so
 * it can be imported outside Lambda (the cold-start benchmark, tests/infra/bundles.test.ts).
 */
export const SAMPLE_ENV = {
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

/**
 * zod carries every translation of its error messages (63 locales) behind its `locales` export,
 * which a bundle cannot leave out on its own; the product speaks English and never chooses
 * another, so its `locales` holds English alone: a bundle a quarter smaller for each cold start to parse.
 */
const zodInEnglish: Plugin = {
  name: "zod-in-english",
  setup(plugin) {
    plugin.onResolve({ filter: /\/locales\/index\.js$/ }, ({ importer, resolveDir }) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(importer)) return undefined;
      return { path: join(resolveDir, "../locales/en.js"), namespace: "zod-in-english" };
    });
    plugin.onLoad({ filter: /.*/, namespace: "zod-in-english" }, ({ path }) => ({
      contents: `export { default as en } from ${JSON.stringify(path)};`,
      resolveDir: dirname(path),
      loader: "js",
    }));
  },
};

export interface Bundle {
  /** The function's index.mjs. */
  file: string;
  /** esbuild's account of every output file of the function and the modules in each. */
  metafile: Metafile;
}

export async function bundleFunctions(outDir: string, entries: readonly string[] = ENTRIES) {
  const bundles: Record<string, Bundle> = {};
  for (const entry of entries)
    bundles[entry] = await bundle(join(SOURCE, `${entry}.ts`), join(outDir, entry));
  return bundles;
}

/** Bundles one entry module into `dir` (index.mjs and its chunks) as a function is deployed. */
export async function bundle(entryFile: string, dir: string): Promise<Bundle> {
  // A chunk's name carries its hash: a rebuild must not leave the last build's chunks behind.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { metafile } = await build({
    entryPoints: { index: entryFile },
    bundle: true,
    splitting: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node22",
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    // A package's ES module build before its CommonJS one (esbuild's Node default is the reverse):
    // a chunk imported on first use keeps its named exports (hash-wasm's `main` is a UMD file,
    // whose `await import()` would yield only a default), and ESM builds tree-shake.
    mainFields: ["module", "main"],
    chunkNames: "chunks/[name]-[hash]",
    plugins: [zodInEnglish],
    metafile: true,
    // Some dependencies still call require(); give ESM bundles one, under a name no module uses.
    banner: {
      js: "import { createRequire as __bannerRequire } from 'node:module'; const require = __bannerRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
  return { file: join(dir, "index.mjs"), metafile };
}

if (process.argv[1] === import.meta.filename) {
  const out = resolve(process.argv[2] ?? ".build/lambdas");
  const bundles = await bundleFunctions(out);
  console.log(`Bundled ${Object.keys(bundles).length} functions into ${out}`);
}
