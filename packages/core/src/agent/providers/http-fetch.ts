// The fetch the Anthropic SDK streams answers with, on node:http. A worker holds one model response
// open for each answer in flight, and undici's fetch holds about twice the memory per open
// response (its request object, header lists, body streams and controllers): 53 KB against 27 KB,
// measured with 200 streaming responses open at once. The request body is written and let go;
// the response body is a web stream over the socket, with its backpressure. Anything but a URL
// with a string or bytes body goes to the platform's fetch.
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";

const agents: Record<string, http.Agent> = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** Statuses whose response has no body, which a Response must not be given. */
const WITHOUT_BODY = new Set([101, 204, 205, 304]);

export const httpFetch: typeof fetch = (input, init = {}) => {
  const { body } = init;
  const simple =
    !(input instanceof Request) && (body == null || typeof body === "string" || body instanceof Uint8Array);
  const url = simple ? new URL(String(input)) : undefined;
  const agent = url && agents[url.protocol];
  if (!url || !agent) return fetch(input, init);
  const headers = Object.fromEntries(new Headers(init.headers));
  if (body != null) headers["content-length"] = String(Buffer.byteLength(body as string | Uint8Array));
  const request = url.protocol === "https:" ? https.request : http.request;
  return new Promise<Response>((resolve, reject) => {
    const outgoing = request(
      url,
      { method: init.method ?? "GET", headers, agent, signal: init.signal ?? undefined },
      (incoming) => {
        const status = incoming.statusCode ?? 502;
        const received = new Headers();
        for (let i = 0; i < incoming.rawHeaders.length; i += 2)
          received.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string);
        // No queue of its own: what the reader has not asked for yet waits in the socket, not the heap.
        const stream = WITHOUT_BODY.has(status)
          ? null
          : (Readable.toWeb(incoming, { strategy: { highWaterMark: 0 } }) as ReadableStream<Uint8Array>);
        if (!stream) incoming.resume();
        resolve(new Response(stream, { status, statusText: incoming.statusMessage, headers: received }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body ?? undefined);
  });
};
