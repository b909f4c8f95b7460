import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpFetch } from "./http-fetch";

let server: http.Server;
let base = "";
const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body });
      if (req.url === "/empty") return res.writeHead(204).end();
      res.writeHead(req.url === "/error" ? 529 : 200, {
        "content-type": "text/plain",
        "request-id": "req_1",
      });
      if (req.url === "/slow") {
        res.write("first ");
        return; // never ends: the caller aborts
      }
      res.end(`you sent ${body.length} characters`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("httpFetch", () => {
  it("sends the method, headers and body, and answers with status, headers and body", async () => {
    const response = await httpFetch(`${base}/echo`, {
      method: "POST",
      headers: { "x-api-key": "k", "content-type": "application/json" },
      body: '{"question":"é"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("request-id")).toBe("req_1");
    expect(await response.text()).toBe("you sent 16 characters");
    expect(seen.at(-1)).toMatchObject({ method: "POST", body: '{"question":"é"}' });
    expect(seen.at(-1)?.headers).toMatchObject({ "x-api-key": "k", "content-length": "17" });
  });

  it("gives an error status with its body, and no body where the status has none", async () => {
    const failed = await httpFetch(`${base}/error`);
    expect(failed.status).toBe(529);
    expect(await failed.text()).toBe("you sent 0 characters");
    const empty = await httpFetch(`${base}/empty`, { method: "DELETE" });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it("streams the body as it arrives, and an abort ends the stream with an error", async () => {
    const abort = new AbortController();
    const response = await httpFetch(`${base}/slow`, { signal: abort.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first ");
    abort.abort();
    await expect(reader.read()).rejects.toThrow();
  });

  it("refuses a request aborted before it is sent, and a server that is not there", async () => {
    await expect(httpFetch(`${base}/echo`, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
    await expect(httpFetch("http://127.0.0.1:1/")).rejects.toThrow();
  });
});
