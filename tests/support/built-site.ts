// A small built SPA laid out as Vite builds one: index.html naming hashed assets, a script and a
// stylesheet (text, which a deploy stores gzipped) and an image (stored as built). Suites that
// synthesize or rehearse the stage deploy it instead of depending on a web build.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PNG } from "./files";

const script = `export const rooms = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `room ${i}`))};\n`;

export const BUILT_SITE: Record<string, string | Uint8Array> = {
  "index.html":
    '<!doctype html><title>ReHome</title><script type="module" src="/assets/index-3f2a.js"></script><link rel="stylesheet" href="/assets/index-9c1e.css">',
  "assets/index-3f2a.js": script,
  "assets/index-9c1e.css": `${".card { padding: 1rem; }\n".repeat(100)}`,
  "assets/photo-77b0.png": PNG,
};

export async function writeBuiltSite(dir: string) {
  for (const [file, content] of Object.entries(BUILT_SITE)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content);
  }
  return dir;
}
