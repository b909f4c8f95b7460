// The scripts the cold-start benchmark runs in fresh processes: import a bundle; require and
// construct a bundle's AWS SDK clients alone (its floor); import the HTTP bundle and answer one
// authenticated request, then a few more warm.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REPORT_CPU } from "./processes";

/** Imports the bundle and exits. */
export async function importScript(dir: string, name: string, bundle: string) {
  const file = join(dir, `import-${name}.mjs`);
  await writeFile(file, `${REPORT_CPU}\nawait import(${JSON.stringify(bundle)});\n`);
  return file;
}

/**
 * Requires the SDK packages a bundle requires at import, as the bundle does, and constructs their
 * clients (lib-dynamodb's document client around the DynamoDB one): the bundle's floor.
 */
export async function floorScript(dir: string, name: string, packages: string[]) {
  const file = join(dir, `floor-${name}.mjs`);
  await writeFile(
    file,
    `${REPORT_CPU}
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const made = {};
const classes = ${JSON.stringify(packages)}.flatMap((name) => Object.entries(require(name)))
  .filter(([key, value]) => /^[A-Z]\\w*Client$/.test(key) && typeof value === "function");
for (const [key, Client] of classes) if (!Client.from) made[key] = new Client({ region: "us-east-1" });
for (const [key, Client] of classes) if (Client.from) made[key] = Client.from(made.DynamoDBClient);
`,
  );
  return file;
}

/**
 * Imports the HTTP bundle, answers one API Gateway (payload v2) GET with a bearer token, then
 * `warm` more. Reports, in ms since the process started: `readyMs` (imported) and
 * `coldRequestMs` (first answer); and `warmRequestMs`, the median warm answer.
 */
export async function requestScript(dir: string) {
  const file = join(dir, "request.mjs");
  await writeFile(
    file,
    `${REPORT_CPU}
const [bundle, path, token, warm] = process.argv.slice(2);
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
