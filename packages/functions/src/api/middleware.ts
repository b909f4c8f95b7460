// Cross-cutting middleware: who is calling, rate limits, security headers, CORS from the
// allowlist, the body size limit, and one JSON access-log line per request.
import type { UserActor } from "@rehome/core/actor";
import { Auth } from "@rehome/core/auth";
import { config } from "@rehome/core/config";
import { VisibleError } from "@rehome/core/error";
import { logger } from "@rehome/core/log";
import { RateLimit } from "@rehome/core/ratelimit";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./context";

/** Resolves the bearer token, if any, into the actor; routes decide whether one is required. */
export const actor = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization");
  c.set("actor", header ? await authenticate(header, clientIp(c)) : { type: "public" });
  await next();
});

/**
 * A bearer token that fails never reaches rateLimit, so it counts against the client's IP here,
 * like an anonymous request, before its 401: an address trying bogus or revoked tokens gets 429.
 * Valid tokens are counted once, per token, by rateLimit.
 */
async function authenticate(header: string, ip: string): Promise<UserActor> {
  try {
    return await Auth.authenticate(header);
  } catch (error) {
    if (error instanceof VisibleError && error.status === 401) await RateLimit.unauthenticated(ip);
    throw error;
  }
}

/** Counts the request against its token, or its client IP when anonymous (429 when over). */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  await RateLimit.request(c.get("actor"), clientIp(c));
  await next();
});

/** The tighter per-IP budget of routes that take a password or an emailed link. */
export const credentialLimit = createMiddleware<AppEnv>(async (c, next) => {
  await RateLimit.credentials(clientIp(c));
  await next();
});

/**
 * The caller's IP: API Gateway's own view of the source on Lambda (not spoofable), else the
 * last hop a proxy appended to X-Forwarded-For, else the socket's address the local server
 * passes, else "local".
 */
export function clientIp(c: Context): string {
  const env = c.env as
    | { requestContext?: { http?: { sourceIp?: string } }; remoteAddress?: string }
    | undefined;
  const forwarded = c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim();
  return (env?.requestContext?.http?.sourceIp ?? forwarded ?? env?.remoteAddress ?? "local").slice(0, 64);
}

export const security = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      connectSrc: ["'self'", "ws:", "wss:", "http:", "https:"],
      imgSrc: ["'self'", "data:", "blob:", "http:", "https:"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginResourcePolicy: "same-site",
  });

export const corsFromAllowlist = () =>
  cors({
    origin: (origin) => (config().corsOrigins.includes(origin) ? origin : null),
    allowHeaders: ["Authorization", "Content-Type", "X-Request-ID"],
    exposeHeaders: ["X-Request-ID", "Retry-After"],
    allowMethods: ["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"],
    maxAge: 600,
  });

export const limitBody = () =>
  bodyLimit({
    maxSize: config().maxBodyBytes,
    onError: () => {
      throw new VisibleError("payload_too_large", "The request body is too large.", 413);
    },
  });

export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const actor = c.get("actor");
  logger().info("request", {
    requestId: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    durationMs: Math.round(performance.now() - started),
    userId: actor?.type === "user" ? actor.userId : undefined,
    workspaceId: actor && actor.type !== "public" ? actor.workspaceId : undefined,
  });
});
