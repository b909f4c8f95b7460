// Runs the official DynamoDB Local (the jar inside `amplify-dynamodb-simulator`) as a child
// process and creates both tables from the one definition in core/tables, TTL included.
// It must never outlive its parent: the Java process is killed on stop() and on exit.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { DataTable, RealtimeTable, type TableDefinition } from "@rehome/core/tables";
import { freePort } from "./ports";

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** 0 or omitted: a free port. DynamoDB Local has no bind-address option: it listens on all interfaces. */
  port?: number;
  /** Folder for the database file; omitted: in memory, gone on stop. */
  dbPath?: string;
}

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  requireJava();
  const emulator = join(
    dirname(createRequire(import.meta.url).resolve("amplify-dynamodb-simulator/package.json")),
    "emulator",
  );
  const port = options.port || (await freePort());
  if (options.dbPath) await mkdir(options.dbPath, { recursive: true });
  const child = spawn(
    "java",
    [
      `-Djava.library.path=${join(emulator, "DynamoDBLocal_lib")}`,
      "-jar",
      join(emulator, "DynamoDBLocal.jar"),
      "-port",
      String(port),
      "-sharedDb",
      // Offline machines: telemetry would only add failed network calls.
      "-disableTelemetry",
      ...(options.dbPath ? ["-dbPath", options.dbPath] : ["-inMemory"]),
    ],
    // DynamoDB Local may write files into its working directory.
    { cwd: options.dbPath ?? tmpdir(), stdio: ["ignore", "ignore", "pipe"] },
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(endpoint, child);
  } catch (error) {
    process.removeListener("exit", killOnExit);
    child.kill("SIGKILL");
    throw error;
  }
  return {
    endpoint,
    stop: async () => {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const forceKill = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(forceKill);
    },
  };
}

/** Creates the Data and Realtime tables if missing, waits until ACTIVE and enables TTL. Idempotent. */
export async function ensureTables(client: DynamoDBClient, names: { data: string; realtime: string }) {
  await Promise.all([
    ensureTable(client, names.data, DataTable),
    ensureTable(client, names.realtime, RealtimeTable),
  ]);
}

const JAVA_REQUIRED =
  "Java 11+ is required for the local DynamoDB: install it (Debian: apt-get install default-jre-headless)";

function requireJava() {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) throw new Error(JAVA_REQUIRED);
  // `java -version` prints to stderr: `openjdk version "17.0.15"` or, before Java 9, `"1.8.0_292"`.
  const [, first, second] = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr) ?? [];
  const major = first === "1" ? Number(second) : Number(first);
  if (major < 11) throw new Error(`${JAVA_REQUIRED}. Found Java ${major}.`);
}

async function waitUntilServing(endpoint: string, child: ChildProcess) {
  let stderr = "";
  const collect = (chunk: Buffer) => {
    stderr = (stderr + chunk).slice(-4000);
  };
  child.stderr?.on("data", collect);
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (spawnError) throw new Error(`DynamoDB Local could not start: ${spawnError.message}`);
      if (child.exitCode !== null)
        throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr.trim()}`);
      const answered = await client.send(new ListTablesCommand({})).then(
        () => true,
        () => false,
      );
      if (answered) return;
      await sleep(200);
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s: ${stderr.trim()}`);
  } finally {
    client.destroy();
    // Once serving, stderr is drained but no longer kept.
    child.stderr?.off("data", collect);
    child.stderr?.resume();
  }
}

async function ensureTable(client: DynamoDBClient, name: string, table: TableDefinition) {
  const keySchema = (hash: string, range: string) => [
    { AttributeName: hash, KeyType: "HASH" as const },
    { AttributeName: range, KeyType: "RANGE" as const },
  ];
  const keyAttributes = new Set([
    table.partitionKey,
    table.sortKey,
    ...table.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [...keyAttributes].map((AttributeName) => ({
          AttributeName,
          AttributeType: "S",
        })),
        KeySchema: keySchema(table.partitionKey, table.sortKey),
        GlobalSecondaryIndexes: table.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: "ALL" },
        })),
      }),
    );
  } catch (error) {
    // Already there from an earlier start: keep it and its data.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  while ((await client.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus !== "ACTIVE") {
    await sleep(100);
  }
  if (!table.ttlAttribute) return;
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  // Enabling TTL a second time is a ValidationException in DynamoDB.
  if (TimeToLiveDescription?.TimeToLiveStatus === "ENABLED") return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
