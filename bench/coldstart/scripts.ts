// The scripts the cold-start benchmark runs in fresh processes: import a bundle; construct a
// bundle's AWS SDK clients alone (its floor), bundled as the functions are or required as the
// Lambda runtime's copy; import the HTTP bundle and answer one authenticated request, then a few
// more warm.
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { bundle } from "../../infra/bundle";
import { REPORT_CPU } from "./processes";

const require = createRequire(import.meta.url);

/** Imports the bundle and exits. */
export async function importScript(dir: string, name: string, bundle: string) {
  const file = join(dir, `import-${name}.mjs`);
  await writeFile(file, `${REPORT_CPU}\nawait import(${JSON.stringify(bundle)});\n`);
  return file;
}

/** The service client classes a package exports (`DynamoDBClient`), read from its CommonJS build. */
const clientClasses = (name: string) =>
  Object.entries(require(name) as Record<string, unknown>)
    .filter(([key, value]) => /^[A-Z]\w*Client$/.test(key) && typeof value === "function")
    .map(([key]) => key);

/** Makes every client of `packages` (lib-dynamodb's document client around the DynamoDB one). */
const construct = (packages: string[]) => `const classes = { ${packages.flatMap(clientClasses).join(", ")} };
const made = {};
for (const [key, Client] of Object.entries(classes)) if (!Client.from) made[key] = new Client({ region: "us-east-1" });
for (const [key, Client] of Object.entries(classes)) if (Client.from) made[key] = Client.from(made.DynamoDBClient);
`;

/**
 * A bundle's floor: its AWS SDK clients alone, constructed, bundled as a function is (infra/bundle.ts:
 * the SDK's ES module build, tree-shaken to the client classes) and imported.
 */
export async function floorScript(dir: string, name: string, packages: string[]) {
  const imports = packages.map(
    (pkg) => `import { ${clientClasses(pkg).join(", ")} } from ${JSON.stringify(pkg)};`,
  );
  const entry = join(dir, `floor-${name}.mjs`);
  await writeFile(entry, `${imports.join("\n")}\n${construct(packages)}`);
  const { file } = await bundle(entry, join(dir, `floor-${name}`));
  return importScript(dir, `floor-${name}`, file);
}

/**
 * The same clients required from node_modules, as a function would load the copy the Lambda runtime
 * provides: the first definition of the floor, kept to show what bundling the SDK gains.
 */
export async function runtimeFloorScript(dir: string, name: string, packages: string[]) {
  const file = join(dir, `runtime-floor-${name}.mjs`);
  const requires = packages.map(
    (pkg) => `const { ${clientClasses(pkg).join(", ")} } = require(${JSON.stringify(pkg)});`,
  );
  await writeFile(
    file,
    `${REPORT_CPU}
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
${requires.join("\n")}
${construct(packages)}`,
  );
  return file;
}

/**
 * Imports the HTTP bundle, answers one API Gateway (payload v2) GET with a bearer token, then
 * `warm` more. Reports, in ms since the process started: `readyMs` (imported) and
 * `coldRequestMs` (first answer); and `warmRequestMs`, the median warm answer. `initialization`
 * is what Lambda says the sandbox's init is (AWS_LAMBDA_INITIALIZATION_TYPE): a provisioned
 * sandbox's init also does the warm-up of functions/api/warm-up.ts, so its `readyMs` includes it.
 */
export async function requestScript(dir: string) {
  const file = join(dir, "request.mjs");
  await writeFile(
    file,
    `${REPORT_CPU}
const [bundle, path, token, warm, initialization] = process.argv.slice(2);
process.env.AWS_LAMBDA_INITIALIZATION_TYPE = initialization;
const { handler } = await import(bundle);
const readyMs = performance.now();
const event = () => ({
  version: "2.0", routeKey: "$default", rawPath: path, rawQueryString: "", isBase64Encoded: false,
  headers: { authorization: "Bearer " + token, host: "bench.example", "user-agent": "rehome-bench" },
  requestContext: {
    accountId: "000000000000", apiId: "bench", domainName: "bench.example", domainPrefix: "bench",
    http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "rehome-bench" },
    requestId: crypto.randomUUID(), routeKey: "$default", stage: "$default",
    time: new Date().toISOString(), timeEpoch: Date.now(),
  },
});
const context = { awsRequestId: crypto.randomUUID(), functionName: "bench-http", getRemainingTimeInMillis: () => 29000 };
const answer = async () => {
  const response = await handler(event(), context);
  if (response.statusCode !== 200) throw new Error(path + " answered " + response.statusCode + ": " + response.body);
};
await answer();
const coldRequestMs = performance.now();
const warmMs = [];
for (let i = 0; i < Number(warm); i++) {
  const started = performance.now();
  await answer();
  warmMs.push(performance.now() - started);
}
warmMs.sort((a, b) => a - b);
globalThis.reported = { readyMs, coldRequestMs, warmRequestMs: warmMs[Math.floor(warmMs.length / 2)] };
// The SDK keeps its sockets open; a Lambda sandbox would freeze here.
process.exit(0);
`,
  );
  return file;
}
