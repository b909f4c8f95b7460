// Lambda entry point for the HTTP API: API Gateway (payload v2) -> the Hono app.
import { withMetrics } from "@rehome/core/metrics";
import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";

export const handler = withMetrics(handle(createApp()));
