// Lambda entry point for the HTTP API: API Gateway (payload v2) -> the Hono app. Its one secret,
// the Resend key, is read on the first email (core/mail), not before every cold request: few
// requests send one, and a key that cannot be read then fails that email, not sign-in or the board.
import { withMetrics } from "@rehome/core/metrics";
import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";
import { PROVISIONED, warmUp } from "./api/warm-up";

const hono = createApp();
const app = handle(hono);

if (process.env.AWS_LAMBDA_INITIALIZATION_TYPE === PROVISIONED) await warmUp(hono);

export const handler = withMetrics((...args: Parameters<typeof app>) => app(...args));
