// The local HTTP front door: the API app (mounted once config is in place), the built SPA with
// its runtime config.json, and an index.html fallback so client-side routes survive a reload.
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";

export interface HttpServer {
  url: string;
  mount(app: { fetch: (request: Request) => Response | Promise<Response> }, origins: string[]): void;
  stop(): Promise<void>;
}

export interface HttpOptions {
  port: number;
  webDist?: string;
  /** The SPA's runtime config.json (default: the API on this origin, stage local). */
  siteConfig?: { apiUrl: string; stage: string };
}

export async function startHttp(options: HttpOptions): Promise<HttpServer> {
  let api: { fetch: (request: Request) => Response | Promise<Response> } | undefined;
  const root = new Hono();
  root.all("/api/*", (c) => (api ? api.fetch(c.req.raw) : c.json({ error: "starting" }, 503)));
  root.all("/health", (c) => (api ? api.fetch(c.req.raw) : c.json({ status: "starting" }, 503)));
  root.get("/config.json", (c) => c.json(options.siteConfig ?? { apiUrl: "", stage: "local" }));
  const dist = options.webDist;
  if (dist) {
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
    root.get("/*", async (c) =>
      c.html(await readFile(join(dist, "index.html"), "utf8").catch(() => "SPA not built")),
    );
  }
  const server = serve({ fetch: root.fetch, port: options.port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mount: (app) => {
      api = app;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
