// Runs the official DynamoDB Local (the jar inside `amplify-dynamodb-simulator`) as a child
// process and creates both tables from the one definition in core/tables, TTL included.
// The Java process dies with its parent, so Ctrl-C never leaves it behind.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  CreateTableCommand,
  DescribeTableCommand,
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

export async function startDynamoLocal(options: { port?: number; dbPath?: string }): Promise<DynamoLocal> {
  requireJava();
  const emulator = join(
    dirname(createRequire(import.meta.url).resolve("amplify-dynamodb-simulator/package.json")),
    "emulator",
  );
  const port = options.port || (await freePort());
  const storage = options.dbPath ? ["-dbPath", options.dbPath] : ["-inMemory"];
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
      ...storage,
    ],
    // DynamoDB Local writes a metadata file into its working directory.
    { cwd: options.dbPath ?? tmpdir(), stdio: ["ignore", "ignore", "pipe"] },
  );
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilServing(endpoint, child);
  return {
    endpoint,
    stop: async () => {
      process.removeListener("exit", kill);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function requireJava() {
  try {
    execFileSync("java", ["-version"], { stdio: "ignore" });
  } catch {
    throw new Error(
      "Java 11+ is required for the local DynamoDB (DynamoDB Local). Install it — Debian/Ubuntu: apt-get install default-jre-headless — and start again.",
    );
  }
}

async function waitUntilServing(endpoint: string, child: ChildProcess) {
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s: ${stderr.trim()}`);
}

/** Creates the Data and Realtime tables if missing, waits for ACTIVE and enables TTL. */
export async function ensureTables(client: DynamoDBClient, names: { data: string; realtime: string }) {
  await Promise.all([
    ensureTable(client, names.data, DataTable),
    ensureTable(client, names.realtime, RealtimeTable),
  ]);
}

async function ensureTable(client: DynamoDBClient, name: string, table: TableDefinition) {
  const keys = [
    table.partitionKey,
    table.sortKey,
    ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const key = (hash: string, range: string) => [
    { AttributeName: hash, KeyType: "HASH" as const },
    { AttributeName: range, KeyType: "RANGE" as const },
  ];
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [...new Set(keys)].map((AttributeName) => ({
          AttributeName,
          AttributeType: "S",
        })),
        KeySchema: key(table.partitionKey, table.sortKey),
        GlobalSecondaryIndexes: table.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: key(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: "ALL" },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === "ACTIVE") break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (table.ttlAttribute) {
    await client
      .send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
        }),
      )
      // Enabling TTL twice is an error in DynamoDB; on a restart it is already on.
      .catch((error: Error) => {
        if (!/already enabled/i.test(error.message)) throw error;
      });
  }
}
