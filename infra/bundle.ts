// Bundles the Lambda entry points for deployment (and for the cold-start benchmark): esbuild,
// ESM, minified, Node 22, one folder per function holding index.mjs and the chunks it loads on
// first use (code splitting: a module imported with `await import()` stays out of the cold
// start). The AWS SDK v3 is left out: the Lambda runtime provides it, and the bundle loads it
// with require(), not import (see sdkByRequire).
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";
import { SDK_NAMESPACE } from "./bundle-contents";

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
const SDK = /^@aws-sdk\//;

/**
 * The AWS SDK v3 ships CommonJS. Imported from an ES module, Node's ESM loader scans every file
 * the SDK then requires for its exports; loaded with require() it does not, and a DynamoDB client
 * loads in about 60% of the CPU time. So each `import … from "@aws-sdk/…"` becomes a tiny
 * CommonJS module that requires the runtime's copy (through the banner's require, which also finds
 * it on Lambda's NODE_PATH). SDK packages loaded on first use go through requireSdk
 * (packages/core/src/aws/clients.ts): a dynamic import() of such a module would lose its names.
 */
const sdkByRequire: Plugin = {
  name: "aws-sdk-by-require",
  setup(plugin) {
    plugin.onResolve({ filter: SDK }, ({ path, kind, importer }) => {
      if (kind === "require-call") return { path, external: true };
      if (kind === "dynamic-import")
        return { errors: [{ text: `${importer}: load ${path} with requireSdk, not import()` }] };
      return { path, namespace: SDK_NAMESPACE };
    });
    plugin.onLoad({ filter: /.*/, namespace: SDK_NAMESPACE }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: "js",
    }));
  },
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
  for (const entry of entries) {
    const dir = join(outDir, entry);
    // A chunk's name carries its hash: a rebuild must not leave the last build's chunks behind.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const { metafile } = await build({
      entryPoints: { index: join(SOURCE, `${entry}.ts`) },
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
      plugins: [sdkByRequire, zodInEnglish],
      metafile: true,
      // Some dependencies still call require(); give ESM bundles one, under a name no module uses.
      banner: {
        js: "import { createRequire as __bannerRequire } from 'node:module'; const require = __bannerRequire(import.meta.url);",
      },
      logLevel: "warning",
    });
    bundles[entry] = { file: join(dir, "index.mjs"), metafile };
  }
  return bundles;
}

if (process.argv[1] === import.meta.filename) {
  const out = resolve(process.argv[2] ?? ".build/lambdas");
  const bundles = await bundleFunctions(out);
  console.log(`Bundled ${Object.keys(bundles).length} functions into ${out}`);
}
