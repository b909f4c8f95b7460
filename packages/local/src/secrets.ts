// A tiny Secrets Manager speaking the AWS JSON 1.1 protocol of the SDK v3 client (POST /,
// X-Amz-Target: secretsmanager.GetSecretValue), so the cold-start secret loader runs unchanged
// against it. Holds plain-text secrets in memory; nothing else of Secrets Manager is offered.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import { ACCOUNT, REGION } from "./account";
import { type Authorize, accessKeyOf } from "./authorize";
import { answerJson, listenLocal, readJson } from "./aws-json";

export interface SecretsServer {
  endpoint: string;
  /** Stores (or rotates) a secret; returns its full ARN, as AWS names it. */
  put(name: string, value: string): string;
  stop(): Promise<void>;
}

const JSON_1_1 = "application/x-amz-json-1.1";
const ARN_PREFIX = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:`;

type Secret = { arn: string; name: string; value: string; versionId: string; createdAt: number };

export interface SecretsOptions {
  port?: number;
  /** Asked before a secret is read (the rehearsal's IAM check); omitted: anyone may read any. */
  authorize?: Authorize;
}

export async function startSecretsManager(options: SecretsOptions = {}): Promise<SecretsServer> {
  const secrets = new Map<string, Secret>();
  // SecretId may be the name, the full ARN or the ARN without AWS's random suffix (CDK's fromSecretNameV2).
  const find = (id: string) =>
    [...secrets.values()].find((s) => id === s.name || id === s.arn || id === `${ARN_PREFIX}${s.name}`);

  const server = createServer(async (req, res) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    if (req.method !== "POST" || target !== "secretsmanager.GetSecretValue") {
      return answer(res, 400, { __type: "InvalidRequestException", Message: `unsupported: ${target}` });
    }
    const input = await readJson(req);
    const secret = typeof input.SecretId === "string" ? find(input.SecretId) : undefined;
    // IAM is checked before existence, as in AWS: a caller without the right learns nothing.
    const denial = options.authorize?.({
      accessKeyId: accessKeyOf(req),
      action: "secretsmanager:GetSecretValue",
      resource: secret?.arn ?? String(input.SecretId),
    });
    if (denial) return answer(res, 400, { __type: "AccessDeniedException", Message: denial });
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
  const listening = await listenLocal(server, options.port);
  return {
    ...listening,
    put(name, value) {
      const arn = secrets.get(name)?.arn ?? `${ARN_PREFIX}${name}-${randomBytes(3).toString("hex")}`;
      secrets.set(name, { arn, name, value, versionId: randomUUID(), createdAt: Date.now() / 1000 });
      return arn;
    },
  };
}

function answer(res: ServerResponse, status: number, body: unknown) {
  answerJson(res, JSON_1_1, status, body);
}
