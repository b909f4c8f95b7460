// `rehome stack <function> [file]`: a deployed function's stack trace, as CloudWatch shows it
// (minified: `at Hc (file:///var/task/index.mjs:1:23456)`), read back as source lines. The maps
// are written beside the bundles by `npm run build:lambdas` and never deployed (infra/bundle.ts);
// the build is deterministic, so building the deployed commit again gives the maps of a deploy.
import { access, readFile } from "node:fs/promises";
import { SourceMap } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import type { Options } from "../main";
import { CliError, ok } from "../output";

/** A frame's place in a bundle: any path ending in index.mjs or chunks/<name>.mjs, then line and column. */
const FRAME = /(?:file:\/\/)?[^\s()"'\\]*?((?:chunks\/)?[\w.-]+\.mjs):(\d+):(\d+)/g;

/** `text` with every bundle location found in it replaced by its source file, line and column. */
async function resolveStack(text: string, mapsDir: string, root = process.cwd()) {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = async (file: string) => {
    if (!maps.has(file)) {
      const payload = await readFile(join(mapsDir, `${file}.map`), "utf8").catch(() => undefined);
      maps.set(file, payload === undefined ? undefined : new SourceMap(JSON.parse(payload)));
    }
    return maps.get(file);
  };
  const frames = [...text.matchAll(FRAME)];
  let resolved = 0;
  let out = "";
  let at = 0;
  for (const frame of frames) {
    const [whole, file = "", line = "", column = ""] = frame;
    const origin = (await mapOf(file))?.findOrigin(Number(line), Number(column));
    out += text.slice(at, frame.index);
    at = frame.index + whole.length;
    if (!origin || !("fileName" in origin)) {
      out += whole;
      continue;
    }
    // Sources are named relative to the map's folder; the repository is where they live.
    const source = relative(root, resolve(dirname(join(mapsDir, file)), origin.fileName));
    out += `${source}:${origin.lineNumber}:${origin.columnNumber}`;
    resolved++;
  }
  return { text: out + text.slice(at), frames: frames.length, resolved };
}

export async function stack(args: string[], options: Options) {
  const [fn, file] = args;
  if (!fn) throw new CliError("usage: rehome stack <function> [file] (the stack on stdin without a file)");
  const mapsDir = resolve(options.bundles ?? ".build/lambdas", `${fn}.maps`);
  const built = await access(join(mapsDir, "index.mjs.map")).then(
    () => true,
    () => false,
  );
  if (!built)
    throw new CliError(
      `no source maps for ${fn} in ${mapsDir}: run \`npm run build:lambdas\` at the deployed version`,
    );
  const text = file ? await readFile(file, "utf8") : await readStdin();
  const { text: readable, frames, resolved } = await resolveStack(text, mapsDir);
  process.stdout.write(readable.endsWith("\n") ? readable : `${readable}\n`);
  if (frames > 0 && resolved === 0)
    throw new CliError(`none of the ${frames} frame(s) is in ${fn}'s bundle: is it the deployed version?`);
  ok(`${resolved} of ${frames} frame(s) resolved`);
}

async function readStdin() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
