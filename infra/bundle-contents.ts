// What a function's bundle holds, read from esbuild's metafile: the modules its cold start loads
// (index.mjs and the chunks it imports statically) apart from those in chunks loaded on first
// use, the AWS SDK packages it requires at import, its largest modules, and the modules each
// function must not load at import or not deploy at all, and what it loads on first use only
// (tests/infra/bundles.test.ts).
import type { Metafile } from "esbuild";
import type { ENTRIES } from "./bundle";

type Entry = (typeof ENTRIES)[number];

// Provider SDKs, password hashing and mail: what only some requests of some functions need.
const PROVIDER = ["@anthropic-ai/sdk"];
const RARE = ["hash-wasm", "resend", "postal-mime"];
// Every AWS service but DynamoDB is loaded on first use (packages/core/src/aws/clients.ts).
const LAZY_SDK = [
  "@aws-sdk/client-s3",
  "@aws-sdk/client-sqs",
  "@aws-sdk/client-secrets-manager",
  "@aws-sdk/client-apigatewaymanagementapi",
  "@aws-sdk/s3-presigned-post",
  "@aws-sdk/s3-request-presigner",
];
// ElectroDB's model check: the tests run it, no function deploys it (infra/bundle.ts).
const CHECKED_IN_TESTS = ["jsonschema"];
const socket = {
  notAtImport: [...LAZY_SDK],
  notDeployed: [...PROVIDER, ...RARE, "hono", ...CHECKED_IN_TESTS],
};
// Only the agent worker calls a model; the others never even deploy a provider's SDK.
const noModel = {
  notAtImport: [...RARE, ...LAZY_SDK],
  notDeployed: [...PROVIDER, "hash-wasm", "hono", ...CHECKED_IN_TESTS],
};

/** Per function: packages its cold start must not load, and packages it must not even deploy. */
export const DENIED: Record<Entry, { notAtImport: string[]; notDeployed: string[] }> = {
  http: { notAtImport: [...RARE, ...LAZY_SDK], notDeployed: [...PROVIDER, ...CHECKED_IN_TESTS] },
  "ws-connect": socket,
  "ws-disconnect": socket,
  "ws-default": socket,
  // The worker answers on every invocation, so its provider's SDK loads with it.
  "agent-worker": {
    notAtImport: [...RARE, ...LAZY_SDK],
    notDeployed: ["hash-wasm", "hono", ...CHECKED_IN_TESTS],
  },
  "agent-dead-letters": noModel,
  "digest-schedule": noModel,
};

/** Per function: what it deploys but loads only on the first request that needs it. */
export const ON_FIRST_USE: Partial<Record<Entry, string[]>> = {
  // Sign-in and password changes hash; invitations and digests mail.
  http: ["hash-wasm", "resend", "postal-mime"],
};

/** The package a metafile input belongs to (`zod`, `@aws-sdk/client-sqs`), or its workspace folder. */
export function packageOf(input: string): string {
  const inNodeModules = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inNodeModules?.[1]) return inNodeModules[1];
  return input.replace(/^(?:\.\.\/)*/, "").replace(/^(packages\/[^/]+\/src\/[^/]+).*$/, "$1");
}

export interface Contents {
  /** Bytes of the files the cold start loads, and of the chunks loaded on first use. */
  bytesAtImport: number;
  bytesOnFirstUse: number;
  /** Every package (or workspace folder) in a file the cold start loads. */
  packagesAtImport: Set<string>;
  /** Every package in any file of the function. */
  packagesDeployed: Set<string>;
  /** The AWS service clients the cold start loads (`@aws-sdk/client-…`, `@aws-sdk/lib-…`). */
  sdkAtImport: string[];
  /** The ten largest modules the cold start loads, by bytes in the output. */
  largestAtImport: { module: string; bytes: number }[];
  /** The ten largest modules of the chunks loaded on first use. */
  largestOnFirstUse: { module: string; bytes: number }[];
}

export function contentsOf(metafile: Metafile): Contents {
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith(".mjs"));
  const index = outputs.find(([file]) => file.endsWith("/index.mjs"))?.[0];
  if (!index) throw new Error("the metafile has no index.mjs");
  const atImport = new Set([index]);
  for (const file of atImport)
    for (const imported of metafile.outputs[file]?.imports ?? [])
      if (imported.kind === "import-statement" && !imported.external) atImport.add(imported.path);

  const modules = { atImport: new Map<string, number>(), onFirstUse: new Map<string, number>() };
  const bytes = { atImport: 0, onFirstUse: 0 };
  for (const [file, output] of outputs) {
    const when = atImport.has(file) ? "atImport" : "onFirstUse";
    bytes[when] += output.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      modules[when].set(input, (modules[when].get(input) ?? 0) + bytesInOutput);
  }
  const largest = (of: Map<string, number>) =>
    [...of]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([module, size]) => ({ module: module.replace(/^.*node_modules\//, ""), bytes: size }));
  const packagesAtImport = new Set([...modules.atImport.keys()].map(packageOf));
  return {
    bytesAtImport: bytes.atImport,
    bytesOnFirstUse: bytes.onFirstUse,
    packagesAtImport,
    packagesDeployed: new Set([...packagesAtImport, ...[...modules.onFirstUse.keys()].map(packageOf)]),
    sdkAtImport: [...packagesAtImport].filter((name) => /^@aws-sdk\/(client|lib)-/.test(name)).sort(),
    largestAtImport: largest(modules.atImport),
    largestOnFirstUse: largest(modules.onFirstUse),
  };
}
