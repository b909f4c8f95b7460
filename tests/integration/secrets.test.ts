// Secrets at cold start: a deployed function gets `<NAME>_SECRET_ARN`, reads the value from
// Secrets Manager (here the local stand-in, through the real SDK client) before it handles
// anything, and config sees it as <NAME>. Each test is a fresh cold start (fresh modules).
import { type SecretsServer, startSecretsManager } from "@rehome/local/secrets";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bootStack, type Stack } from "../support/stack";

let stack: Stack;
let secrets: SecretsServer;

beforeAll(async () => {
  secrets = await startSecretsManager();
  stack = await bootStack({ worker: false, env: { SECRETS_MANAGER_ENDPOINT: secrets.endpoint } });
});
afterAll(async () => {
  await stack?.stop();
  await secrets?.stop();
});
afterEach(() => vi.unstubAllEnvs());

/** A cold start: new module instances (config, SDK clients, the loader) under the given ARNs. */
async function coldStart(arns: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(arns)) vi.stubEnv(name, value);
  const { loadSecrets } = await import("@rehome/core/config/secrets");
  const { config } = await import("@rehome/core/config");
  return { loadSecrets, config };
}

describe("secrets at cold start", () => {
  it("reads each secret by ARN and hands its value to config under the variable's name", async () => {
    const anthropicArn = secrets.put("rehome/test/anthropic-api-key", "sk-ant-from-secrets-manager");
    secrets.put("rehome/test/resend-api-key", "re_from_secrets_manager");
    const { loadSecrets, config } = await coldStart({
      ANTHROPIC_API_KEY_SECRET_ARN: anthropicArn,
      // CDK passes the ARN without the random suffix AWS appends (Secret.fromSecretNameV2).
      RESEND_API_KEY_SECRET_ARN:
        "arn:aws:secretsmanager:us-east-1:000000000000:secret:rehome/test/resend-api-key",
    });
    await loadSecrets();
    expect(config().ai.anthropicApiKey).toBe("sk-ant-from-secrets-manager");
    expect(config().ai.provider).toBe("anthropic");
    expect(config().mail.resendApiKey).toBe("re_from_secrets_manager");
  });

  it("fails cold start with a message naming the variable when its secret does not exist", async () => {
    const missing = "arn:aws:secretsmanager:us-east-1:000000000000:secret:rehome/test/nowhere-abcdef";
    const { loadSecrets } = await coldStart({ ANTHROPIC_API_KEY_SECRET_ARN: missing });
    await expect(loadSecrets()).rejects.toThrow(
      `ANTHROPIC_API_KEY_SECRET_ARN: cannot read secret ${missing} (ResourceNotFoundException`,
    );
  });

  it("reads nothing when a function is given no secret ARN, as locally", async () => {
    const { loadSecrets, config } = await coldStart({});
    await loadSecrets();
    expect(config().ai.anthropicApiKey).toBeUndefined();
    expect(config().mail.resendApiKey).toBe("re_local_capture");
  });

  it("a Lambda entry point handles nothing until its secret is readable, then the next invocation works", async () => {
    const { config } = await coldStart({
      RESEND_API_KEY_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:000000000000:secret:rehome/test/late-key",
    });
    const { handler } = await import("@rehome/functions/digest-schedule");
    const weekly = { source: "aws.scheduler", detail: { kind: "weekly" } };
    await expect(handler(weekly)).rejects.toThrow(/RESEND_API_KEY_SECRET_ARN: cannot read secret/);

    secrets.put("rehome/test/late-key", "re_rotated_in");
    await expect(handler(weekly)).resolves.toMatchObject({ kind: "weekly", queued: 2 });
    expect(config().mail.resendApiKey).toBe("re_rotated_in");
  });
});
