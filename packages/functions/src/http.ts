// Lambda entry point for the HTTP API: API Gateway (payload v2) -> the Hono app.
import { loadSecrets } from "@rehome/core/config/secrets";
import { withMetrics } from "@rehome/core/metrics";
import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";
import { PROVISIONED, warmUp } from "./api/warm-up";

const hono = createApp();
const app = handle(hono);

if (process.env.AWS_LAMBDA_INITIALIZATION_TYPE === PROVISIONED) await warmUp(hono);

export const handler = withMetrics(async (...args: Parameters<typeof app>) => {
  await loadSecrets();
  return app(...args);
});
