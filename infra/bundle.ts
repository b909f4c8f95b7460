// Bundles the Lambda entry points for deployment (and for the cold-start benchmark): esbuild,
// ESM, minified, Node 22, one folder per function holding index.mjs. The AWS SDK v3 is left
// out: the Lambda runtime provides it.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build } from "esbuild";

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

export async function bundleFunctions(outDir: string, entries: readonly string[] = ENTRIES) {
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const dir = join(outDir, entry);
    await mkdir(dir, { recursive: true });
    files[entry] = join(dir, "index.mjs");
    await build({
      entryPoints: [join(SOURCE, `${entry}.ts`)],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "node",
      target: "node22",
      outfile: files[entry],
      external: ["@aws-sdk/*"],
      // Some dependencies still call require(); give ESM bundles one.
      banner: {
        js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
      logLevel: "warning",
    });
  }
  return files;
}

if (process.argv[1] === import.meta.filename) {
  const out = resolve(process.argv[2] ?? ".build/lambdas");
  const files = await bundleFunctions(out);
  console.log(`Bundled ${Object.keys(files).length} functions into ${out}`);
}
