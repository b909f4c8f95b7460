// The SPA's first load on a phone, as built and as the deploy stores it in its bucket (scripts and
// styles gzipped, infra/web.ts): the bytes of index.html and of everything it names (the entry
// script, the scripts it preloads, its styles), and the time they take to arrive at Lighthouse's
// "slow 4G" (1.6 Mbit/s); then the whole build's. S3 sends an object as stored, so these bytes
// are what a browser downloads.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { asStored } from "../infra/web";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = join(ROOT, "web", "dist");
/** Lighthouse's mobile throttling: 1.6 Mbit/s down. */
const SLOW_4G_BYTES_PER_SECOND = 1_600_000 / 8;

interface Bytes {
  asBuilt: number;
  asStored: number;
  ratio: number;
  slow4gSeconds: { asBuilt: number; asStored: number };
}

function bytesOf(files: string[]): Bytes {
  const sizes = files.map((file) => {
    const content = readFileSync(join(DIST, file));
    // index.html goes up as built: the shell's deployment stores it uncompressed.
    const stored = file.startsWith("assets/") ? asStored(file, content) : content;
    return [content.length, stored.length];
  });
  const asBuilt = sizes.reduce((sum, [built = 0]) => sum + built, 0);
  const stored = sizes.reduce((sum, [, s = 0]) => sum + s, 0);
  const seconds = (bytes: number) => Number((bytes / SLOW_4G_BYTES_PER_SECOND).toFixed(2));
  return {
    asBuilt,
    asStored: stored,
    ratio: Number((asBuilt / stored).toFixed(2)),
    slow4gSeconds: { asBuilt: seconds(asBuilt), asStored: seconds(stored) },
  };
}

export function webFirstLoad() {
  execFileSync("npm", ["run", "build", "-w", "web"], { cwd: ROOT, stdio: "ignore" });
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const named = [...new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? ""))];
  const everyAsset = readdirSync(join(DIST, "assets")).map((file) => `assets/${file}`);
  return {
    method:
      "web/dist as `npm run build -w web` writes it; stored = what infra/web.ts deploys (assets gzipped at level 9, index.html as built); seconds = bytes at 1.6 Mbit/s, latency left out",
    firstLoad: { files: ["index.html", ...named], ...bytesOf(["index.html", ...named]) },
    wholeBuild: { files: everyAsset.length + 1, ...bytesOf(["index.html", ...everyAsset]) },
  };
}
