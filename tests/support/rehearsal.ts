// Boots a rehearsal for a suite: the deploy bundles built into the suite's own folder, the shared
// DynamoDB Local, a random name prefix, every line it logs kept for assertions, and the demo data
// seeded.
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { bundleFunctions } from "@rehome/infra/bundle";
import { type RehearsalOptions, startRehearsal } from "@rehome/local/rehearsal/rehearsal";
import { inject } from "vitest";

const bundles = new Map<string, Promise<unknown>>();
let booted = 0;

/** `suite` names the folder (one per test file, so files running side by side never share one). */
export async function bootRehearsal(suite: string, options: RehearsalOptions = {}) {
  const suiteDir = resolve(import.meta.dirname, "../../.build/rehearsal-tests", suite);
  const bundleDir = join(suiteDir, "lambdas");
  if (!bundles.has(bundleDir)) bundles.set(bundleDir, bundleFunctions(bundleDir));
  await bundles.get(bundleDir);
  const log: string[] = [];
  const rehearsal = await startRehearsal({
    bundleDir,
    outDir: join(suiteDir, `run-${++booted}`),
    dynamoEndpoint: inject("dynamoEndpoint"),
    prefix: `r${randomBytes(4).toString("hex")}`,
    log: (line) => log.push(line),
    ...options,
  });
  await rehearsal.seedDemo();
  return Object.assign(rehearsal, { log });
}

export type BootedRehearsal = Awaited<ReturnType<typeof bootRehearsal>>;

/** The http function's logical id: the one the HTTP API's integration targets. */
export const httpFunction = (template: BootedRehearsal["template"]) =>
  Object.keys(template.Resources).find(
    (id) => id.startsWith("Functionshttp") && template.Resources[id]?.Type === "AWS::Lambda::Function",
  ) ?? "";

/** The http function as the rehearsal runs it (its name is its log stream's). */
export const httpFunctionOf = (rehearsal: BootedRehearsal) =>
  rehearsal.functions.find((f) => f.logicalId === httpFunction(rehearsal.template));
