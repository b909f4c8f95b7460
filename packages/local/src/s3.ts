// A local S3: s3rver (buckets, objects, presigned URLs, CORS) behind a thin front that adds
// what s3rver leaves out for browser uploads: it enforces presigned POST policies
// (expiration, bucket, key, Content-Type and content-length-range), as S3 does.
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { checkPostPolicy } from "./s3-policy";

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

export interface S3Options {
  port?: number;
  directory: string;
  buckets: string[];
  corsOrigins: string[];
}

/** s3rver's built-in account; the local stack signs every request with it. */
export const S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

const MAX_POST_BYTES = 100 * 1024 * 1024;

export async function startS3(options: S3Options): Promise<LocalS3> {
  const S3rver = createRequire(import.meta.url)("s3rver");
  const backend = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: options.directory,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [corsXml(options.corsOrigins)] })),
  });
  const { port: backendPort } = (await backend.run()) as AddressInfo;

  const forward = (req: IncomingMessage, res: ServerResponse, body?: Buffer) => {
    const upstream = request(
      { host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    if (body) upstream.end(body);
    else req.pipe(upstream);
  };

  const front = createServer(async (req, res) => {
    const isPostUpload =
      req.method === "POST" &&
      /^\/[^/?]+\/?(\?.*)?$/.test(req.url ?? "") &&
      String(req.headers["content-type"]).startsWith("multipart/form-data");
    if (!isPostUpload) return forward(req, res);
    const body = await readBody(req, MAX_POST_BYTES);
    if (!body)
      return s3Error(res, 400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
    const bucket = (req.url ?? "").split(/[/?]/)[1] ?? "";
    const problem = await checkPostPolicy(bucket, body, String(req.headers["content-type"]));
    if (problem) return s3Error(res, problem.status, problem.code, problem.message);
    forward(req, res, body);
  });
  front.listen(options.port ?? 0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    front.once("listening", resolve);
    front.once("error", reject);
  });
  const { port } = front.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await backend.close();
    },
  };
}

function corsXml(origins: string[]) {
  const allowed = origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join("");
  const methods = ["GET", "PUT", "POST", "HEAD", "DELETE"]
    .map((m) => `<AllowedMethod>${m}</AllowedMethod>`)
    .join("");
  return `<CORSConfiguration><CORSRule>${allowed}${methods}<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function s3Error(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { "Content-Type": "application/xml", "Access-Control-Allow-Origin": "*" });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
}
