// Secrets at cold start: a deployed function gets `<NAME>_SECRET_ARN`, reads the value from
// Secrets Manager (here the local stand-in, through the real SDK client) before it handles
// anything, and config sees it as <NAME>. Each test is a fresh cold start (fresh modules).
import { type SecretsServer, startSecretsManager } from "@rehome/local/secrets";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bootStack, type Stack } from "../support/stack";
import { changes, snapshot } from "../support/table";

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

/** API Gateway's event for GET /health (payload 2.0). */
const HEALTH = {
  version: "2.0",
  routeKey: "$default",
  rawPath: "/health",
  rawQueryString: "",
  headers: { host: "api.example" },
  isBase64Encoded: false,
  requestContext: { http: { method: "GET", path: "/health", sourceIp: "127.0.0.1" } },
} as never;

const EMAIL = { to: "someone@example.com", subject: "Secrets test", html: "<p>Hi</p>", text: "Hi" };

/** A cold start: new module instances (config, SDK clients, the loader) under the given ARNs. */
async function coldStart(arns: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(arns)) vi.stubEnv(name, value);
  const { loadSecrets } = await import("@rehome/core/config/secrets");
  const { config } = await import("@rehome/core/config");
  return { loadSecrets, config };
}

/** The http function's cold start, given the Resend key's ARN (the secret may not exist yet), and its mail. */
async function httpColdStart(secretName: string, initialization: "on-demand" | "provisioned-concurrency") {
  const { config } = await coldStart({
    RESEND_API_KEY_SECRET_ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${secretName}`,
    AWS_LAMBDA_INITIALIZATION_TYPE: initialization,
  });
  const { handler } = await import("@rehome/functions/http");
  const { Mail } = await import("@rehome/core/mail");
  return { config, handler, Mail };
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

describe("a provisioned sandbox's init (warm hours, infra/warm.ts)", () => {
  const RESEND_ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:rehome/test/warm-key";
  beforeAll(() => {
    secrets.put("rehome/test/warm-key", "re_read_at_init");
  });

  it("does a first request's one-off work at import, before any request: the secret, a health check, an unknown session", async () => {
    const { config } = await coldStart({ RESEND_API_KEY_SECRET_ARN: RESEND_ARN });
    const { createApp } = await import("@rehome/functions/api/app");
    const { warmUp, WARM_UP_REQUEST_ID } = await import("@rehome/functions/api/warm-up");
    const app = createApp();
    const answered: [string, number, string | null][] = [];
    const before = await snapshot();
    await warmUp({
      request: async (...args: Parameters<typeof app.request>) => {
        const response = await app.request(...args);
        answered.push([String(args[0]), response.status, response.headers.get("X-Request-ID")]);
        return response;
      },
    });
    expect(config().mail.resendApiKey).toBe("re_read_at_init");
    expect(answered).toEqual([
      ["/health", 200, WARM_UP_REQUEST_ID],
      ["/api/projects", 401, WARM_UP_REQUEST_ID],
    ]);
    expect(changes(before, await snapshot())).toEqual([]);
  });

  it("runs in the HTTP entry point only when Lambda initializes a provisioned sandbox", async () => {
    const provisioned = await coldStart({
      RESEND_API_KEY_SECRET_ARN: RESEND_ARN,
      AWS_LAMBDA_INITIALIZATION_TYPE: "provisioned-concurrency",
    });
    await import("@rehome/functions/http");
    expect(provisioned.config().mail.resendApiKey).toBe("re_read_at_init");

    const onDemand = await coldStart({
      RESEND_API_KEY_SECRET_ARN: RESEND_ARN,
      AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    });
    await import("@rehome/functions/http");
    expect(onDemand.config().mail.resendApiKey).not.toBe("re_read_at_init");
  });

  it("still initializes when the warm-up fails, and its first email reads the secret again", async () => {
    const { config, handler, Mail } = await httpColdStart("rehome/test/warm-late", "provisioned-concurrency");
    secrets.put("rehome/test/warm-late", "re_after_init");
    expect((await handler(HEALTH, {} as never)).statusCode).toBe(200);
    await Mail.send(EMAIL);
    expect(config().mail.resendApiKey).toBe("re_after_init");
  });
});

describe("the http function on demand", () => {
  it("answers a cold request without its secret; the first email reads it, and one it cannot read fails that email alone", async () => {
    const { config, handler, Mail } = await httpColdStart("rehome/test/mail-late", "on-demand");
    // The secret does not exist yet: a request that sends no email is answered all the same.
    expect((await handler(HEALTH, {} as never)).statusCode).toBe(200);
    await expect(Mail.send(EMAIL)).rejects.toMatchObject({ code: "mail.unavailable", status: 503 });

    secrets.put("rehome/test/mail-late", "re_read_on_first_email");
    await Mail.send(EMAIL);
    expect(config().mail.resendApiKey).toBe("re_read_on_first_email");
  });
});
