// The cold first request: a local stack (DynamoDB Local and the other stand-ins, demo data),
// then fresh processes that each import the HTTP bundle and answer one authenticated
// GET /api/projects, as a Lambda's first invocation would, then a few warm ones. As on AWS the
// function is given its Resend key by ARN, in Secrets Manager (the local stand-in): this build
// reads it on its first email, or at a provisioned sandbox's init; builds before 2026-12-04 read
// it before their first answer. The same bundle also starts as a provisioned sandbox, whose init
// warms up before the first request.

import { Demo } from "@rehome/core/demo";
import { startSecretsManager } from "@rehome/local/secrets";
import { startStack } from "@rehome/local/stack";
import { type Target, timeProcesses } from "./processes";

export const REQUEST_PATH = "/api/projects";
const WARM_REQUESTS = 5;

/** An HTTP bundle's index.mjs, and how Lambda initializes the sandbox that imports it. */
export interface Sandbox {
  bundle: string;
  /** AWS_LAMBDA_INITIALIZATION_TYPE: a provisioned sandbox warms up at init (infra/warm.ts). */
  initialization: "on-demand" | "provisioned-concurrency";
}

/** Times the cold first request of each sandbox (name -> bundle and init), in turn, `rounds` times. */
export async function coldRequests(script: string, sandboxes: Record<string, Sandbox>, rounds: number) {
  const secrets = await startSecretsManager();
  const stack = await startStack({ seed: true, worker: false, env: { LOG_LEVEL: "ERROR" } });
  try {
    const admin = Demo.LOGINS[0];
    const login = await fetch(`${stack.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: admin.email, password: Demo.PASSWORD }),
    });
    if (!login.ok) throw new Error(`demo login answered ${login.status}`);
    const { token } = (await login.json()) as { token: string };
    const env = {
      ...process.env,
      ...stack.env,
      SECRETS_MANAGER_ENDPOINT: secrets.endpoint,
      RESEND_API_KEY_SECRET_ARN: secrets.put("rehome/bench/resend-api-key", "re_bench"),
      NODE_NO_WARNINGS: "1",
    };
    const targets: Target[] = Object.entries(sandboxes).map(([name, { bundle, initialization }]) => ({
      name,
      args: [script, bundle, REQUEST_PATH, token, String(WARM_REQUESTS), initialization],
    }));
    return await timeProcesses(targets, rounds, env);
  } finally {
    await stack.stop();
    await secrets.stop();
  }
}
