// Boots the whole product on one machine: the AWS stand-ins, the same handlers the Lambdas
// run, the HTTP API with the built SPA, the queue pollers and the digest scheduler.
// Used by `npm start` (main.ts), by the integration tests and by the benchmarks.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DEAD_LETTER_RECEIVES, MAX_RECEIVES } from "@rehome/core/agent/job";
import { Demo } from "@rehome/core/demo";
import { ensureTables, startDynamoLocal } from "./dynamodb";
import { startGateway } from "./gateway";
import { startHttp } from "./http";
import { startMail } from "./mail";
import { S3_CREDENTIALS, startS3 } from "./s3";
import { startScheduler } from "./scheduler";
import { type SqsHandler, startPoller } from "./sqs/poller";
import { createQueueDeadLetteringTo, createQueueWithDlq } from "./sqs/redrive";
import { startSqs } from "./sqs/server";

export interface StackOptions {
  /** Port of the API + SPA server; the stand-ins take the next five unless given. 0 = random ports. */
  port?: number;
  /** Folder that keeps data between restarts (DynamoDB, S3 objects, mail). Omit for a throwaway stack. */
  dataDir?: string;
  /** Reuse a running DynamoDB-compatible server instead of starting one (tests share one JVM). */
  dynamoEndpoint?: string;
  /** Prefix of table, bucket and queue names; tests use a random one to stay isolated. */
  prefix?: string;
  /** The built SPA to serve at `/`, if present. */
  webDist?: string;
  /** Extra configuration (the same variables as .env.example), applied over the local defaults. */
  env?: Record<string, string>;
  /** Run the agent worker and the dead-letter consumer behind their queues (default true). */
  worker?: boolean;
  /** Stands in for the agent worker's handler (fault tests: a worker that dies mid-answer). */
  agentWorker?: SqsHandler;
  /** The agent queue's visibility timeout, the wait before a failed job comes back (default 30). */
  queueVisibilitySeconds?: number;
  /** Worker batches (of up to 10 runs) in flight at once, like the function's concurrency (default 2). */
  workerConcurrency?: number;
  /** Seed the demo data (once per data folder) before the API opens; /health says "starting" until then. */
  seed?: boolean;
  /** Run the digest scheduler (default false; `npm start` turns it on). */
  scheduler?: boolean;
  /** Added to every PostToConnection, to stand in for API Gateway's latency. */
  gatewayLatencyMs?: number;
  gatewayLimits?: Parameters<typeof startGateway>[0]["limits"];
}

export interface Stack {
  url: string;
  /** True when this start seeded the demo data; false when it was there already or not asked for. */
  seeded: boolean;
  wsUrl: string;
  mailUrl: string;
  env: Record<string, string>;
  /** The client of the local event source mapping (the benchmark counts its calls). */
  queueClient: SQSClient;
  stopGateway(): Promise<void>;
  startGateway(): Promise<void>;
  stop(): Promise<void>;
}

const S3_CREDENTIALS_ENV = {
  AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
};

const portAt = (base: number | undefined, offset: number) => (base ? base + offset : 0);

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const prefix = options.prefix ?? `t${randomBytes(4).toString("hex")}`;
  const dir = options.dataDir;
  if (dir) await mkdir(dir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    // The SDK signs every request; the local S3 checks signatures against its one account,
    // and the other stand-ins accept any credentials.
    Object.assign(process.env, S3_CREDENTIALS_ENV);
    process.env.AWS_REGION ??= "us-east-1";

    const dynamoEndpoint =
      options.dynamoEndpoint ??
      (await (async () => {
        const db = await startDynamoLocal({
          port: portAt(options.port, 5),
          dbPath: dir ? join(dir, "dynamodb") : undefined,
        });
        stops.push(db.stop);
        return db.endpoint;
      })());

    const names = {
      data: `${prefix}-data`,
      realtime: `${prefix}-realtime`,
      uploads: `${prefix}-uploads`,
      queue: `${prefix}-agent`,
    };
    const httpPort = options.port ?? 0;
    const publicUrl = httpPort ? `http://localhost:${httpPort}` : "";

    const mail = await startMail({
      port: portAt(options.port, 4),
      file: dir ? join(dir, "mail.json") : undefined,
    });
    stops.push(mail.stop);
    const sqsServer = await startSqs({ port: portAt(options.port, 3) });
    stops.push(sqsServer.stop);

    const handlers = await import("./handlers");
    let gatewayPort = portAt(options.port, 1);
    const gatewayOptions = () => ({
      port: gatewayPort,
      handlers: handlers.websocket,
      postLatencyMs: options.gatewayLatencyMs,
      limits: options.gatewayLimits,
    });
    let gateway = await startGateway(gatewayOptions());
    gatewayPort = Number(new URL(gateway.url).port);
    stops.push(() => gateway.stop());

    // The HTTP server starts before the rest of the config is known, so its URL can go in it.
    const http = await startHttp({ port: httpPort, webDist: options.webDist });
    stops.push(http.stop);

    const corsOrigins = [http.url, publicUrl, `http://127.0.0.1:${new URL(http.url).port}`].filter(Boolean);
    // Without a data folder, objects live in a temporary one that goes when the stack stops.
    const objects = dir ? join(dir, "s3") : await tempDir(prefix);
    if (!dir) stops.push(() => rm(objects, { recursive: true, force: true }));
    const s3 = await startS3({
      port: portAt(options.port, 2),
      directory: objects,
      buckets: [names.uploads],
      corsOrigins,
    });
    stops.push(s3.stop);

    const sqs = new SQSClient({ endpoint: sqsServer.endpoint, region: process.env.AWS_REGION });
    // Mirrors infra/agent.ts: after MAX_RECEIVES receives a job goes to the dead-letter
    // consumer's queue, which parks it in the DLQ (or, failing three times itself, SQS does).
    // A consumer that finds a stream still leased retries soon: the lease lapses within 30 s.
    const deadLetters = await createQueueWithDlq(sqs, `${names.queue}-dead`, {
      visibilityTimeout: 5,
      maxReceiveCount: DEAD_LETTER_RECEIVES,
    });
    const queueUrl = await createQueueDeadLetteringTo(sqs, names.queue, deadLetters.queueArn, {
      visibilityTimeout: options.queueVisibilitySeconds ?? 30,
      maxReceiveCount: MAX_RECEIVES,
    });

    const env: Record<string, string> = {
      STAGE: "local",
      DATA_TABLE: names.data,
      REALTIME_TABLE: names.realtime,
      UPLOADS_BUCKET: names.uploads,
      AGENT_QUEUE_URL: queueUrl,
      AGENT_DLQ_URL: deadLetters.dlqUrl,
      WS_MANAGEMENT_URL: gateway.managementEndpoint,
      WS_PUBLIC_URL: gateway.url,
      PUBLIC_URL: publicUrl || http.url,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      S3_ENDPOINT: s3.endpoint,
      SQS_ENDPOINT: sqsServer.endpoint,
      CORS_ORIGINS: corsOrigins.join(","),
      RESEND_BASE_URL: mail.baseUrl,
      RESEND_API_KEY: "re_local_capture",
      // EMF lines are for CloudWatch; locally they would only bury the console.
      POWERTOOLS_METRICS_DISABLED: "true",
      ...options.env,
    };
    Object.assign(process.env, env);
    // The CLI's local commands (seed, digest, dlq) read the wiring from here.
    if (dir)
      await writeFile(
        join(dir, "env.json"),
        `${JSON.stringify({ ...env, AWS_REGION: process.env.AWS_REGION, ...S3_CREDENTIALS_ENV }, null, 2)}\n`,
      );

    await ensureTables(new DynamoDBClient({ endpoint: dynamoEndpoint, region: process.env.AWS_REGION }), {
      data: names.data,
      realtime: names.realtime,
    });
    // The API opens once the demo logins exist: a client waiting on /health can sign in at once.
    const seeded = options.seed ? (await Demo.seed()).seeded : false;
    http.mount(handlers.httpApp(), corsOrigins);

    if (options.worker !== false) {
      const worker = startPoller({
        client: sqs,
        queueUrl,
        handler: options.agentWorker ?? handlers.agentWorker,
        batchSize: 10,
        concurrency: options.workerConcurrency,
      });
      const consumer = startPoller({
        client: sqs,
        queueUrl: deadLetters.queueUrl,
        handler: handlers.agentDeadLetters,
        concurrency: 1,
      });
      stops.push(worker.stop, consumer.stop);
    }
    if (options.scheduler) {
      const scheduler = startScheduler(handlers.digestSchedule);
      stops.push(scheduler.stop);
    }

    return {
      url: publicUrl || http.url,
      seeded,
      wsUrl: gateway.url,
      mailUrl: mail.baseUrl,
      env,
      queueClient: sqs,
      stopGateway: () => gateway.stop(),
      startGateway: async () => {
        gateway = await startGateway(gatewayOptions());
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The temporary folder of a stack: `rehome-<prefix>-…` in the system's temp folder. */
const tempDir = (prefix: string) => mkdtemp(join(tmpdir(), `rehome-${prefix}-`));

export const hasWebBuild = (dir: string) => existsSync(join(dir, "index.html"));
