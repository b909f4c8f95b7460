// An in-memory SQS speaking the AWS JSON 1.0 protocol the SDK v3 client uses, with SQS's
// semantics: visibility timeout, receipt handles that change per receive, receive counts,
// long polling, and dead-lettering after maxReceiveCount receives.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { queueOperations, SqsError } from "./queues";

export interface SqsServer {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startSqs(options: { port?: number } = {}): Promise<SqsServer> {
  const app = new Hono();
  let endpoint = "";
  const operations = queueOperations(() => endpoint);
  app.post("/", async (c) => {
    const target = c.req.header("X-Amz-Target") ?? "";
    const operation = operations[target.replace(/^AmazonSQS\./, "") as keyof typeof operations];
    try {
      if (!operation)
        throw new SqsError("InvalidAction", "UnsupportedOperation", `Unsupported operation ${target}`);
      const input = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
      const output = await operation(input as never);
      return c.body(JSON.stringify(output ?? {}), 200, { "Content-Type": "application/x-amz-json-1.0" });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      // SQS is "query compatible": the SDK maps x-amzn-query-error to the modelled exception.
      return c.body(
        JSON.stringify({ __type: `com.amazonaws.sqs#${error.type}`, message: error.message }),
        400,
        {
          "Content-Type": "application/x-amz-json-1.0",
          "x-amzn-query-error": `${error.queryCode};Sender`,
          "x-amzn-RequestId": randomUUID(),
        },
      );
    }
  });
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    stop: async () => {
      operations.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
