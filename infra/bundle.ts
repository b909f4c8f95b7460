// Bundles the Lambda entry points for deployment (and for the cold-start benchmark): esbuild,
// ESM, minified, Node 22, one folder per function holding index.mjs and the chunks it loads on
// first use (code splitting: a module imported with `await import()` stays out of the cold
// start). The AWS SDK v3 is bundled too, from its ES module build, rather than taken from the
// Lambda runtime: tree-shaken to the commands the code sends and read from one file instead of
// hundreds, a DynamoDB client loads in about 70% of the time the runtime's copy takes
// (bench/results/coldstart.json, `runtimeFloor`), and the SDK's version is the lockfile's.
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";

export const ENTRIES = [
  "http",
  "ws-connect",
  "ws-disconnect",
  "ws-default",
  "agent-worker",
  "agent-dead-letters",
  "digest-schedule",
] as const;

const SOURCE = resolve(import.meta.dirname, "../packages/functions/src");

/**
 * A deployed function's configuration with placeholder values: what a bundle reads at import, so
 * it can be imported outside Lambda (the cold-start benchmark, tests/infra/bundles.test.ts).
 */
export const SAMPLE_ENV = {
  STAGE: "bench",
  DATA_TABLE: "bench-data",
  REALTIME_TABLE: "bench-realtime",
  UPLOADS_BUCKET: "bench-uploads",
  AGENT_QUEUE_URL: "https://sqs.us-east-1.amazonaws.com/000000000000/bench",
  WS_MANAGEMENT_URL: "https://example.execute-api.us-east-1.amazonaws.com/bench",
  WS_PUBLIC_URL: "wss://example.execute-api.us-east-1.amazonaws.com/bench",
  PUBLIC_URL: "http://bench.example",
  AWS_REGION: "us-east-1",
};

/** Whether the file `importer` lies inside the installed package `name`. */
const inPackage = (name: string, importer: string) =>
  new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`).test(importer);

/**
 * zod carries every translation of its error messages (63 locales) behind its `locales` export,
 * which a bundle cannot leave out on its own; the product speaks English and never chooses
 * another, so its `locales` holds English alone: a bundle a quarter smaller for each cold start to parse.
 */
const zodInEnglish: Plugin = {
  name: "zod-in-english",
  setup(plugin) {
    plugin.onResolve({ filter: /\/locales\/index\.js$/ }, ({ importer, resolveDir }) => {
      if (!inPackage("zod", importer)) return undefined;
      return { path: join(resolveDir, "../locales/en.js"), namespace: "zod-in-english" };
    });
    plugin.onLoad({ filter: /.*/, namespace: "zod-in-english" }, ({ path }) => ({
      contents: `export { default as en } from ${JSON.stringify(path)};`,
      resolveDir: dirname(path),
      loader: "js",
    }));
  },
};

/**
 * ElectroDB `require()`s lib-dynamodb and util-dynamodb, and esbuild must wrap a required ES module
 * and everything it imports to run it lazily: the whole DynamoDB client, every command and schema,
 * kept whole and parsed twice at each cold start. ElectroDB reads ten commands and `unmarshall` off
 * those modules only when it sends a request, so its requires get empty slots instead, and the
 * `electrodb` the code imports is a module that fills the slots by plain, tree-shaken imports first.
 */
export const ELECTRODB_READS = {
  "@aws-sdk/lib-dynamodb": [
    "GetCommand",
    "PutCommand",
    "UpdateCommand",
    "DeleteCommand",
    "BatchWriteCommand",
    "BatchGetCommand",
    "ScanCommand",
    "QueryCommand",
    "TransactWriteCommand",
    "TransactGetCommand",
  ],
  "@aws-sdk/util-dynamodb": ["unmarshall"],
} as const satisfies Record<string, readonly string[]>;
const SDK_READ = new RegExp(`^(${Object.keys(ELECTRODB_READS).join("|")})$`);

const electrodbSdkByImport: Plugin = {
  name: "electrodb-sdk-by-import",
  setup(plugin) {
    const slot = (path: string) => ({ path, namespace: "electrodb-slot" });
    plugin.onResolve({ filter: SDK_READ }, ({ path, importer, namespace }) =>
      namespace === "file" && inPackage("electrodb", importer) ? slot(path) : undefined,
    );
    plugin.onResolve({ filter: /^electrodb-slot:/ }, ({ path }) =>
      slot(path.slice("electrodb-slot:".length)),
    );
    plugin.onLoad({ filter: /.*/, namespace: "electrodb-slot" }, () => ({
      contents: "module.exports = {};",
      loader: "js",
    }));
    plugin.onResolve({ filter: /^electrodb$/ }, async ({ importer, resolveDir, kind, namespace }) => {
      if (namespace !== "file" || inPackage("electrodb", importer)) return undefined;
      const real = await plugin.resolve("electrodb", {
        importer,
        resolveDir,
        kind,
        namespace: "electrodb-filled",
      });
      return { path: real.path, namespace: "electrodb-filled" };
    });
    plugin.onLoad({ filter: /.*/, namespace: "electrodb-filled" }, ({ path }) => {
      const fills = Object.entries(ELECTRODB_READS).map(
        ([sdk, names], i) =>
          `import slot${i} from "electrodb-slot:${sdk}";\nimport { ${names.join(", ")} } from "${sdk}";\n` +
          `Object.assign(slot${i}, { ${names.join(", ")} });`,
      );
      return {
        contents: `${fills.join("\n")}\nexport * from ${JSON.stringify(path)};`,
        resolveDir: dirname(path),
        loader: "js",
      };
    });
  },
};

/**
 * ElectroDB checks each entity's model against a JSON schema when the entity is built: with
 * jsonschema, 2–14 ms per entity, on the cold request that first touches it (four entities on a
 * cold `GET /api/projects`: its first answer 162 ms with the check, 134 without). Deployed models
 * are the code the tests built, each through that check (packages/core/src/db/models.test.ts), so
 * in a bundle ElectroDB's `Validator` passes every model unread. ElectroDB also uses the check to
 * tell a model from an entity or a service handed to `new Service`; those carry its `_instance`
 * mark, and fail as before.
 */
const MODELS_CHECKED_IN_TESTS = `class Validator {
  addSchema() {}
  validate(instance) {
    return { errors: instance && instance._instance ? [{ property: "instance", message: "is not a model" }] : [] };
  }
}
Validator.prototype.customFormats = {};
module.exports = { Validator };`;

const electrodbModelsCheckedInTests: Plugin = {
  name: "electrodb-models-checked-in-tests",
  setup(plugin) {
    plugin.onResolve({ filter: /^jsonschema$/ }, ({ path, importer }) =>
      inPackage("electrodb", importer) ? { path, namespace: "models-checked-in-tests" } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "models-checked-in-tests" }, () => ({
      contents: MODELS_CHECKED_IN_TESTS,
      loader: "js",
    }));
  },
};

/**
 * Where the source maps of the function bundled into `dir` go: beside its folder, never in what
 * Lambda loads. Node would read maps at every cold start (with --enable-source-maps), and a stack
 * in the logs is read offline instead: `rehome stack <function>` (RUNBOOK §8).
 */
export const mapsDirOf = (dir: string) => `${dir}.maps`;

export interface Bundle {
  /** The function's index.mjs. */
  file: string;
  /** esbuild's account of every output file of the function and the modules in each. */
  metafile: Metafile;
}

export async function bundleFunctions(outDir: string, entries: readonly string[] = ENTRIES) {
  const bundles: Record<string, Bundle> = {};
  for (const entry of entries)
    bundles[entry] = await bundle(join(SOURCE, `${entry}.ts`), join(outDir, entry));
  return bundles;
}

/** Bundles one entry module into `dir` (index.mjs and its chunks) as a function is deployed. */
export async function bundle(entryFile: string, dir: string): Promise<Bundle> {
  // A chunk's name carries its hash: a rebuild must not leave the last build's chunks behind.
  await rm(dir, { recursive: true, force: true });
  await rm(mapsDirOf(dir), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { metafile } = await build({
    entryPoints: { index: entryFile },
    bundle: true,
    splitting: true,
    minify: true,
    sourcemap: "external",
    format: "esm",
    platform: "node",
    target: "node22",
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    // A package's ES module build before its CommonJS one (esbuild's Node default is the reverse):
    // a chunk imported on first use keeps its named exports (hash-wasm's `main` is a UMD file,
    // whose `await import()` would yield only a default), and ESM builds tree-shake.
    mainFields: ["module", "main"],
    chunkNames: "chunks/[name]-[hash]",
    plugins: [zodInEnglish, electrodbSdkByImport, electrodbModelsCheckedInTests],
    metafile: true,
    // Some dependencies still call require(); give ESM bundles one, under a name no module uses.
    banner: {
      js: "import { createRequire as __bannerRequire } from 'node:module'; const require = __bannerRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
  await moveMaps(metafile, dir);
  return { file: join(dir, "index.mjs"), metafile };
}

/** Moves each source map out of the function's folder into its maps folder, and out of `metafile`. */
async function moveMaps(metafile: Metafile, dir: string) {
  for (const output of Object.keys(metafile.outputs).filter((file) => file.endsWith(".map"))) {
    const moved = join(mapsDirOf(dir), relative(dir, resolve(output)));
    await mkdir(dirname(moved), { recursive: true });
    await rename(resolve(output), moved);
    delete metafile.outputs[output];
  }
}

if (process.argv[1] === import.meta.filename) {
  const out = resolve(process.argv[2] ?? ".build/lambdas");
  const bundles = await bundleFunctions(out);
  console.log(`Bundled ${Object.keys(bundles).length} functions into ${out}`);
}
