// DynamoDB Local is started as the suites expect it: tables from core/tables with their indexes
// and TTL, created idempotently; its Java process never outlives stop() or the parent process.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
} from "@aws-sdk/client-dynamodb";
import { afterEach, describe, expect, inject, it } from "vitest";
import { ensureTables, startDynamoLocal } from "./dynamodb";

const clientFor = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });

const answers = (endpoint: string) =>
  clientFor(endpoint)
    .send(new ListTablesCommand({}))
    .then(
      () => true,
      () => false,
    );

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("ensureTables", () => {
  it("creates both tables from core/tables with GSIs, on-demand billing and TTL, and can run again", async () => {
    const client = clientFor(inject("dynamoEndpoint"));
    const prefix = `t${Date.now().toString(36)}`;
    const names = { data: `${prefix}-data`, realtime: `${prefix}-realtime` };
    await ensureTables(client, names);
    await ensureTables(client, names);

    const { Table: data } = await client.send(new DescribeTableCommand({ TableName: names.data }));
    expect(data?.TableStatus).toBe("ACTIVE");
    expect(data?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(data?.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(
      data?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]).sort(),
    ).toEqual([
      ["gsi1", "ALL"],
      ["gsi2", "ALL"],
    ]);
    expect(data?.AttributeDefinitions?.every((a) => a.AttributeType === "S")).toBe(true);

    const ttl = async (TableName: string) =>
      (await client.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;
    expect(await ttl(names.realtime)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" });
    expect((await ttl(names.data))?.TimeToLiveStatus).toBe("DISABLED");
  });
});

describe("startDynamoLocal", () => {
  it("keeps its database in dbPath and is gone once stop() resolves", async () => {
    const dbPath = await mkdtemp(join(tmpdir(), "rehome-dynamo-"));
    cleanups.push(() => rm(dbPath, { recursive: true, force: true }));
    const dynamo = await startDynamoLocal({ dbPath });
    cleanups.push(dynamo.stop);
    await ensureTables(clientFor(dynamo.endpoint), { data: "one-data", realtime: "one-realtime" });

    expect((await readdir(dbPath)).some((file) => file.endsWith(".db"))).toBe(true);
    await dynamo.stop();
    expect(await answers(dynamo.endpoint)).toBe(false);
  }, 20_000);

  it("dies with the Node process that started it", async () => {
    const script = `import { startDynamoLocal } from ${JSON.stringify(join(import.meta.dirname, "dynamodb.ts"))};
      const { endpoint } = await startDynamoLocal({});
      console.log(endpoint);
      process.exit(0);`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "--eval", script],
      { cwd: import.meta.dirname },
    );
    const endpoint = stdout.trim().split("\n").pop() ?? "";
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect.poll(() => answers(endpoint), { timeout: 5_000 }).toBe(false);
  }, 20_000);

  it("explains how to install Java when there is none", async () => {
    const emptyPath = await mkdtemp(join(tmpdir(), "rehome-no-java-"));
    const path = process.env.PATH;
    process.env.PATH = emptyPath;
    cleanups.push(async () => {
      process.env.PATH = path;
      await rm(emptyPath, { recursive: true, force: true });
    });
    await expect(startDynamoLocal({})).rejects.toThrow(
      "Java 11+ is required for the local DynamoDB: install it (Debian: apt-get install default-jre-headless)",
    );
  });
});
