// Runs the `rehome` CLI as an operator would: a separate process, its exit code and output.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, "../../packages/cli/bin/rehome.js");

export const rehome = (...args: string[]) => rehomeWith({}, ...args);

/** `rehome` with extra environment: REHOME_DATA_DIR (whose local stack its local commands use), AWS_ENDPOINT_URL_SQS… */
export const rehomeWith = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, [BIN, ...args], {
    env: { ...process.env, NODE_NO_WARNINGS: "1", ...env },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

/** `rehome smoke` as a demo person (or any credentials), with extra flags. */
export const smoke = (url: string, email: string, password: string, ...flags: string[]) =>
  rehome("smoke", "--url", url, "--email", email, "--password", password, ...flags);
