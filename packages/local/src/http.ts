// The local HTTP front door: the API app (mounted once the stack is ready; until then /health
// and /api answer 503 "starting") and the SPA: the built folder with its runtime config.json
// (`npm start`), or in the rehearsal the objects its deploy puts in the bucket, with their
// headers. Like the S3 REST endpoint on AWS it serves files only, with no fallback for other
// paths: the SPA routes in the URL fragment (web/src/router.tsx). Keep-alive connections survive
// answers given before a request body was read (413): the rest of the body is read and dropped.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type HttpBindings, serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import * as Health from "@rehome/core/health";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { getMimeType } from "hono/utils/mime";

// What is read and dropped after an early answer before giving up and closing the connection.
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 2000;

export interface HttpServer {
  url: string;
  mount(
    app: { fetch: (request: Request, env?: SourceEnv) => Response | Promise<Response> },
    origins: string[],
  ): void;
  /** Serves the SPA as its bucket holds it after a deploy, as S3 serves it (without webDist). */
  deploySite(objects: ReadonlyMap<string, SiteObject>): void;
  stop(): Promise<void>;
}

/** An object of the SPA's bucket: its bytes as stored and the headers S3 sends with them. */
export interface SiteObject {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/** A bucket object as S3 serves it: a Content-Type from its key, then its upload's metadata. */
export const siteObject = (
  key: string,
  body: Uint8Array<ArrayBuffer>,
  metadata: Record<string, string> = {},
): SiteObject => ({
  body,
  headers: { "content-type": getMimeType(key) ?? "binary/octet-stream", ...metadata },
});

/** S3's answer for a key that is not there, when nobody may list the bucket. */
const S3_ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

/** The caller's socket address, which the app reads when no proxy named the client. */
export interface SourceEnv {
  remoteAddress?: string;
}

const sourceOf = (incoming: IncomingMessage): SourceEnv => ({ remoteAddress: incoming.socket.remoteAddress });

export interface HttpOptions {
  port: number;
  /** The built SPA, served with a config.json naming this origin's API; without it, deploySite's objects. */
  webDist?: string;
}

export async function startHttp(options: HttpOptions): Promise<HttpServer> {
  let site: ReadonlyMap<string, SiteObject> = new Map();
  let api: { fetch: (request: Request, env?: SourceEnv) => Response | Promise<Response> } | undefined;
  const root = new Hono<{ Bindings: HttpBindings }>();
  root.use("*", async (c, next) => {
    await next();
    // The client may already be sending its next request on this connection: if the rest of
    // this body cannot be dropped, say the connection ends here rather than cut it mid-request.
    if (!(await dropUnreadBody(c.env.incoming))) c.header("Connection", "close");
  });
  root.all("/api/*", (c) => {
    if (api) return api.fetch(c.req.raw, sourceOf(c.env.incoming));
    c.header("Retry-After", "1");
    const message = "ReHome is starting. Try again in a moment.";
    return c.json({ error: { code: "starting", message, requestId: randomUUID() } }, 503);
  });
  root.all("/health", (c) => (api ? api.fetch(c.req.raw) : c.json(Health.starting(), 503)));
  const dist = options.webDist;
  if (dist) {
    root.get("/config.json", (c) => c.json({ apiUrl: "", stage: "local" }));
    root.use(
      "/*",
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", "ws:", "http:"],
          imgSrc: ["'self'", "data:", "blob:", "http:"],
          styleSrc: ["'self'", "'unsafe-inline'"],
        },
      }),
    );
    root.use("/*", serveStatic({ root: dist }));
  } else {
    root.on(["GET", "HEAD"], "/*", (c) => {
      const object = site.get(decodeURIComponent(c.req.path.slice(1)));
      if (object) return c.body(object.body, 200, object.headers);
      return c.body(S3_ACCESS_DENIED, 403, { "content-type": "application/xml" });
    });
  }
  const server = serve({ fetch: root.fetch, port: options.port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mount: (app) => {
      api = app;
    },
    deploySite: (objects) => {
      site = objects;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/**
 * Reads and drops what is left of a request body the app answered without reading whole (a 413
 * from the body limit, a 401 before the body was parsed), so the connection is free for the
 * client's next request. False when it would take more than DRAIN_LIMIT_BYTES or DRAIN_TIMEOUT_MS.
 */
function dropUnreadBody(incoming: IncomingMessage): Promise<boolean> {
  if (incoming.readableEnded) return Promise.resolve(true);
  if (incoming.destroyed || Number(incoming.headers["content-length"]) > DRAIN_LIMIT_BYTES)
    return Promise.resolve(false);
  return new Promise((resolve) => {
    let dropped = 0;
    const settle = (drained: boolean) => {
      clearTimeout(timer);
      incoming.off("data", drop).off("end", ended).off("error", failed);
      resolve(drained);
    };
    const drop = (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_LIMIT_BYTES) settle(false);
    };
    const ended = () => settle(true);
    const failed = () => settle(false);
    const timer = setTimeout(failed, DRAIN_TIMEOUT_MS);
    // The body stream the app left unread would pause the request again as its buffer fills.
    incoming.removeAllListeners("data");
    incoming.on("data", drop).once("end", ended).once("error", failed);
    incoming.resume();
  });
}
