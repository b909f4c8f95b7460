// Lambda's file system for the sandboxes: each function's code copied to a task root outside the
// repository (Lambda's /var/task), and the runtime's own node_modules, which on Lambda hold the AWS
// SDK v3 and are found through NODE_PATH. Here that folder links the repository's @aws-sdk scope
// and nothing else, so a bundle resolves what Lambda provides, and a package it forgot to bundle
// fails here as it would there instead of being found in the repository's node_modules.
import { cp, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

/** The folder holding the repository's `@aws-sdk/*` packages. */
const sdkScope = () =>
  dirname(dirname(createRequire(import.meta.url).resolve("@aws-sdk/client-dynamodb/package.json")));

export async function stageTasks(roots: string[]) {
  const dir = await mkdtemp(join(tmpdir(), "rehome-rehearsal-task-"));
  const runtimeModules = join(dir, "runtime", "node_modules");
  await mkdir(runtimeModules, { recursive: true });
  await symlink(sdkScope(), join(runtimeModules, "@aws-sdk"), "dir");
  const staged = new Map<string, string>();
  for (const root of new Set(roots)) {
    const task = join(dir, "task", basename(root));
    await cp(root, task, { recursive: true });
    staged.set(root, task);
  }
  return {
    /** The copy of a staged asset folder a sandbox runs from (LAMBDA_TASK_ROOT). */
    taskRoot: (root: string) => staged.get(root) ?? root,
    /** Lambda's NODE_PATH, reduced to what a function may resolve outside its bundle. */
    nodePath: (root: string) => [runtimeModules, staged.get(root) ?? root].join(":"),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
