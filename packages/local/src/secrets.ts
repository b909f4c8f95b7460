// A tiny Secrets Manager speaking the AWS JSON 1.1 protocol of the SDK v3 client (POST /,
// X-Amz-Target: secretsmanager.GetSecretValue), so the cold-start secret loader runs unchanged
// against it. Holds plain-text secrets in memory; nothing else of Secrets Manager is offered.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SecretsServer {
  endpoint: string;
  /** Stores (or rotates) a secret; returns its full ARN, as AWS names it. */
  put(name: string, value: string): string;
  stop(): Promise<void>;
}

const JSON_1_1 = "application/x-amz-json-1.1";
const ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:000000000000:secret:";

type Secret = { arn: string; name: string; value: string; versionId: string; createdAt: number };

export async function startSecretsManager(options: { port?: number } = {}): Promise<SecretsServer> {
  const secrets = new Map<string, Secret>();
  // SecretId may be the name, the full ARN or the ARN without AWS's random suffix (CDK's fromSecretNameV2).
  const find = (id: string) =>
    [...secrets.values()].find((s) => id === s.name || id === s.arn || id === `${ARN_PREFIX}${s.name}`);

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers["x-amz-target"] ?? "");
    if (req.method !== "POST" || target !== "secretsmanager.GetSecretValue") {
      return answer(res, 400, { __type: "InvalidRequestException", Message: `unsupported: ${target}` });
    }
    const input = parseJson(Buffer.concat(chunks).toString("utf8"));
    const secret = typeof input.SecretId === "string" ? find(input.SecretId) : undefined;
    if (!secret) {
      return answer(res, 400, {
        __type: "ResourceNotFoundException",
        Message: "Secrets Manager can't find the specified secret.",
      });
    }
    answer(res, 200, {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: secret.versionId,
      SecretString: secret.value,
      VersionStages: ["AWSCURRENT"],
      CreatedDate: secret.createdAt,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    put(name, value) {
      const arn = secrets.get(name)?.arn ?? `${ARN_PREFIX}${name}-${randomBytes(3).toString("hex")}`;
      secrets.set(name, { arn, name, value, versionId: randomUUID(), createdAt: Date.now() / 1000 });
      return arn;
    },
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = text ? JSON.parse(text) : {};
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": JSON_1_1, "x-amzn-RequestId": randomUUID() });
  res.end(JSON.stringify(body));
}
