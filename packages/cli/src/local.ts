// Commands that act on the local stack read the wiring `npm start` wrote to .rehome/env.json
// and apply it as configuration, so core runs against the same local stand-ins.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CliError } from "./output";

export async function useLocalStack(): Promise<Record<string, string>> {
  const file = resolve(process.env.REHOME_DATA_DIR ?? ".rehome", "env.json");
  const text = await readFile(file, "utf8").catch(() => {
    throw new CliError(`no local stack found (${file} is missing): run \`npm start\` first`);
  });
  const env = JSON.parse(text) as Record<string, string>;
  Object.assign(process.env, env);
  return env;
}
