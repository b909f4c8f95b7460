// Starts a host per rehearsed function, from its code staged as Lambda's task root (lambda/task.ts),
// each with its log stream kept twice: a file per function under the output folder (its CloudWatch
// log group, locally) and the last lines in memory for tests.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { RehearsedFunction } from "./functions";
import { type FunctionHost, hostFunction } from "./lambda/host";
import { buildRuntime, nodeFor } from "./lambda/node";
import { stageTasks } from "./lambda/task";

/** Sandboxes per function when the template reserves no concurrency: enough for a few browsers. */
const LOCAL_CONCURRENCY = 4;
const KEPT_LINES = 2000;

export async function startHosts(
  functions: RehearsedFunction[],
  outDir: string,
  log: (line: string) => void,
) {
  await mkdir(join(outDir, "logs"), { recursive: true });
  const runtimeFile = await buildRuntime(outDir);
  const tasks = await stageTasks(functions.map((f) => f.spec.root));
  const notes: string[] = [];
  const lines = new Map<string, string[]>();
  const files = functions.map((f) => createWriteStream(join(outDir, "logs", `${f.spec.logicalId}.log`)));
  const hosts: FunctionHost[] = functions.map(({ spec }, i) => {
    const { node, note } = nodeFor(spec.runtime);
    if (note && !notes.includes(note)) notes.push(note);
    const kept: string[] = [];
    lines.set(spec.name, kept);
    return hostFunction(
      {
        ...spec,
        root: tasks.taskRoot(spec.root),
        nodePath: tasks.nodePath(spec.root),
        concurrency: spec.reservedConcurrency ?? LOCAL_CONCURRENCY,
      },
      {
        node,
        runtimeFile,
        onLog: (line) => {
          kept.push(line);
          if (kept.length > KEPT_LINES) kept.shift();
          files[i]?.write(`${line}\n`);
        },
        onFailure: (error) => log(`[${spec.name}] ${error.errorType}: ${error.message}`),
      },
    );
  });
  return {
    hosts,
    notes,
    /** A rehearsed function by name or ARN, the ARN qualified or not (an alias runs its function's code). */
    functionOf: (nameOrArn: string) =>
      hosts.find(
        (h) =>
          h.spec.arn === nameOrArn || h.spec.name === nameOrArn || nameOrArn.startsWith(`${h.spec.arn}:`),
      ),
    logsOf: (functionName: string) => [...(lines.get(functionName) ?? [])],
    /** Initializes one sandbox of every function (Lambda's cold start), failing on a broken bundle. */
    warm: () => Promise.all(hosts.map((h) => h.warm())),
    stop: async () => {
      await Promise.all(hosts.map((h) => h.stop()));
      await Promise.all(files.map((file) => new Promise((resolve) => file.end(resolve))));
      await tasks.remove();
    },
  };
}
