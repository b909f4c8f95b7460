// The plumbing the local stand-ins of AWS JSON-protocol services share (POST /, X-Amz-Target):
// reading a request's JSON, answering in the protocol's content type, listening on loopback
// and stopping without waiting for idle keep-alive sockets.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The request body as an object; anything else (empty, malformed, an array) is `{}`. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    const value = text ? JSON.parse(text) : {};
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

export function answerJson(
  res: ServerResponse,
  contentType: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "Content-Type": contentType, "x-amzn-RequestId": randomUUID(), ...headers });
  res.end(JSON.stringify(body ?? {}));
}

/** Listens on 127.0.0.1 (port 0: any free one) and returns the endpoint URL and a stop function. */
export async function listenLocal(server: Server, port = 0) {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}
