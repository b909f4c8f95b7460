// Dependency checks behind GET /health: each dependency with its status and latency.
// Reports, never throws: a failing dependency makes the whole status "degraded".
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import * as z from "zod";
import { connections, dynamo, s3, sqs } from "../aws/clients";
import { config } from "../config";

export const Check = z.object({
  status: z.enum(["ok", "fail"]),
  latencyMs: z.number(),
  detail: z.string().optional(),
});
export const Report = z
  .object({
    /** "starting": the server is up but not ready yet (the local runtime seeding its demo data). */
    status: z.enum(["ok", "degraded", "starting"]),
    checks: z.record(z.string(), Check),
    version: z.string(),
    stage: z.string(),
    uptimeSec: z.number(),
  })
  .meta({ id: "Health" });
export type Report = z.infer<typeof Report>;

const started = Date.now();
const TIMEOUT_MS = 3000;

export async function check(): Promise<Report> {
  const { tables, uploadsBucket, agentQueueUrl, ai } = config();
  const entries = await Promise.all(
    Object.entries({
      dynamodb: async () => {
        await Promise.all(
          [tables.data, tables.realtime].map((TableName) =>
            dynamo().send(new DescribeTableCommand({ TableName })),
          ),
        );
      },
      s3: async () => {
        const { client, sdk } = await s3();
        await client.send(new sdk.HeadBucketCommand({ Bucket: uploadsBucket }));
      },
      sqs: async () => {
        const { client, sdk } = await sqs();
        await client.send(
          new sdk.GetQueueAttributesCommand({ QueueUrl: agentQueueUrl, AttributeNames: ["QueueArn"] }),
        );
      },
      websocket: async () => {
        // An unknown connection id answers 410: proof the management API is reachable.
        const { client, sdk } = await connections();
        await client.send(new sdk.GetConnectionCommand({ ConnectionId: "health-check" })).catch((error) => {
          if (!(error instanceof sdk.GoneException)) throw error;
        });
      },
      llm: async () => {
        if (!ai.enabled) return "disabled by AI_ENABLED";
        if (ai.provider === "anthropic" && !ai.anthropicApiKey) {
          // On AWS only the agent worker is granted the key; elsewhere a missing key is a mistake.
          if (!config().onLambda) throw new Error("anthropic selected without a key");
          return `anthropic (${ai.model}), key read by the agent worker`;
        }
        return `${ai.provider}${ai.provider === "anthropic" ? ` (${ai.model})` : ""}`;
      },
    }).map(async ([name, probe]) => [name, await timed(probe)] as const),
  );
  const checks = Object.fromEntries(entries);
  return {
    status: Object.values(checks).every((c) => c.status === "ok") ? "ok" : "degraded",
    checks,
    version: config().version,
    stage: config().stage,
    uptimeSec: uptimeSec(),
  };
}

/**
 * What a server answers before it is ready. Its configuration may not be parsed yet, so the
 * version and stage are not known: they are empty.
 */
export function starting(): Report {
  return { status: "starting", checks: {}, version: "", stage: "", uptimeSec: uptimeSec() };
}

const uptimeSec = () => Math.round((Date.now() - started) / 1000);

async function timed(probe: () => Promise<string | undefined | void>): Promise<z.infer<typeof Check>> {
  const start = performance.now();
  const latency = () => Math.round(performance.now() - start);
  try {
    const detail = await Promise.race([
      probe(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS).unref()),
    ]);
    return detail ? { status: "ok", latencyMs: latency(), detail } : { status: "ok", latencyMs: latency() };
  } catch (error) {
    return {
      status: "fail",
      latencyMs: latency(),
      detail: error instanceof Error ? error.message : "failed",
    };
  }
}
