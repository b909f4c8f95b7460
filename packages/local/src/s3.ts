// A local S3: s3rver (buckets, objects, SigV4 presigned URLs, CORS) behind a thin front that
// checks browser POST uploads against their signed policy, which s3rver ignores (see
// s3-policy.ts), and asks an optional IAM hook about every request (the rehearsal's). Everything
// else streams through to s3rver untouched.
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import {
  type AccessRequest,
  type Authorize,
  accessKeyOf,
  accessKeyOfCredential,
  firstDenial,
} from "./authorize";
import { accessDenied, checkPostPolicy, type PolicyProblem } from "./s3-policy";

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

export interface S3Options {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Where objects are kept on disk. */
  directory: string;
  /** Buckets created (kept, if they exist) at start. */
  buckets: string[];
  /** Origins allowed to GET/PUT/POST/HEAD/DELETE from a browser. */
  corsOrigins: string[];
  /** Access keys accepted besides S3_CREDENTIALS (the rehearsal gives each function its own). */
  credentials?: Credentials[];
  /** Asked before every request but CORS preflights; omitted: every signed request may do anything. */
  authorize?: Authorize;
}

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** s3rver's built-in account: requests signed with anything else are refused, as by S3. */
export const S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** Uploads are held in memory while their policy is checked; local files are small. */
const MAX_POST_BYTES = 100 * 1024 * 1024;
const TOO_LARGE = {
  status: 400,
  code: "EntityTooLarge",
  message: "Your proposed upload exceeds the maximum allowed size",
};

/**
 * S3 has no folders: a key's neighbours come and go without touching it. s3rver keeps objects as
 * files and removes a folder as its last object is deleted, so a write under the same prefix at
 * that moment lost its folder (the object never stored, and its unhandled write stream crashing
 * the process). Its writes and deletes take turns instead; local objects are small.
 */
function writesTakeTurns(store: Record<string, unknown>) {
  let turn: Promise<unknown> = Promise.resolve();
  for (const name of ["putObject", "copyObject", "deleteObject", "completeUpload"]) {
    const original = store[name];
    if (typeof original !== "function") continue;
    store[name] = (...args: unknown[]) => {
      const done = turn.then(() => original.apply(store, args));
      turn = done.catch(() => undefined);
      return done;
    };
  }
}

export async function startS3(options: S3Options): Promise<LocalS3> {
  const require = createRequire(import.meta.url);
  const S3rver = require("s3rver");
  // s3rver knows its accounts' keys from one process-wide registry.
  const known = [S3_CREDENTIALS, ...(options.credentials ?? [])];
  for (const key of options.credentials ?? [])
    require("s3rver/lib/models/account").DUMMY_ACCOUNT.createKeyPair(key.accessKeyId, key.secretAccessKey);
  const secretFor = (accessKeyId: string) =>
    known.find((k) => k.accessKeyId === accessKeyId)?.secretAccessKey;
  const backend = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    // Path-style only, as the app's S3 client is configured for local endpoints.
    vhostBuckets: false,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [corsXml(options.corsOrigins)] })),
  });
  writesTakeTurns(backend.store);
  const { port: backendPort } = (await backend.run()) as AddressInfo;
  const allowedOrigin = (origin: string | undefined) =>
    origin && options.corsOrigins.includes(origin) ? origin : undefined;

  const forward = (req: IncomingMessage, res: ServerResponse, body?: Buffer) => {
    // Node answers `Expect: 100-continue` itself; s3rver must not wait for a second body.
    const { expect: _, ...headers } = req.headers;
    const upstream = request(
      { host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    if (body) upstream.end(body);
    else req.pipe(upstream);
  };

  const checkThenForward = async (req: IncomingMessage, res: ServerResponse, bucket: string) => {
    const origin = allowedOrigin(req.headers.origin);
    const body = await readBody(req, MAX_POST_BYTES);
    if (!body) return s3Error(res, TOO_LARGE, origin);
    const problem = await checkUpload(
      bucket,
      body,
      String(req.headers["content-type"]),
      secretFor,
      options.authorize,
    );
    if (problem) return s3Error(res, problem, origin);
    forward(req, res, body);
  };

  const front = createServer((req, res) => {
    const bucket = postUploadBucket(req);
    if (bucket === undefined) {
      const denial = req.method === "OPTIONS" ? undefined : firstDenial(options.authorize, accessOf(req));
      if (denial) return s3Error(res, accessDenied(denial), allowedOrigin(req.headers.origin));
      return forward(req, res);
    }
    // An upload the browser aborted has no one left to answer.
    checkThenForward(req, res, bucket).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = front.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      front.closeAllConnections();
      await closed;
      await backend.close();
    },
  };
}

/** The bucket of a browser form upload (POST /bucket, multipart), or undefined for anything else. */
function postUploadBucket(req: IncomingMessage) {
  if (req.method !== "POST" || !String(req.headers["content-type"]).startsWith("multipart/form-data")) return;
  return /^\/([^/?]+)\/?(?:\?.*)?$/.exec(req.url ?? "")?.[1];
}

/** What a request does in IAM's terms: path-style `/bucket/key?subresource`. */
function accessOf(req: IncomingMessage): AccessRequest[] {
  const url = new URL(req.url ?? "/", "http://local");
  const [bucket = "", ...rest] = url.pathname.slice(1).split("/");
  const key = decodeURIComponent(rest.join("/"));
  const has = (name: string) => url.searchParams.has(name);
  const method = req.method ?? "GET";
  const request = (action: string, resource: string) => ({
    accessKeyId: accessKeyOf(req),
    action: `s3:${action}`,
    resource,
  });
  if (!bucket) return [request("ListAllMyBuckets", "*")];
  const bucketArn = `arn:aws:s3:::${bucket}`;
  if (!key) {
    if (method === "POST" && has("delete")) return [request("DeleteObject", `${bucketArn}/*`)];
    const action =
      method === "PUT" ? "CreateBucket" : method === "DELETE" ? "DeleteBucket" : bucketReadAction(url);
    return [request(action, bucketArn)];
  }
  const objectArn = `${bucketArn}/${key}`;
  if (method === "GET" || method === "HEAD")
    return [
      request(has("tagging") ? "GetObjectTagging" : has("acl") ? "GetObjectAcl" : "GetObject", objectArn),
    ];
  if (method === "DELETE")
    return [request(has("uploadId") ? "AbortMultipartUpload" : "DeleteObject", objectArn)];
  const copySource = req.headers["x-amz-copy-source"];
  const copied = copySource
    ? [request("GetObject", `arn:aws:s3:::${decodeURIComponent(String(copySource)).replace(/^\//, "")}`)]
    : [];
  return [request(has("tagging") ? "PutObjectTagging" : "PutObject", objectArn), ...copied];
}

const BUCKET_READS: [query: string, action: string][] = [
  ["location", "GetBucketLocation"],
  ["cors", "GetBucketCORS"],
  ["uploads", "ListBucketMultipartUploads"],
  ["versions", "ListBucketVersions"],
];

const bucketReadAction = (url: URL) =>
  BUCKET_READS.find(([query]) => url.searchParams.has(query))?.[1] ?? "ListBucket";

async function checkUpload(
  bucket: string,
  body: Buffer,
  contentType: string,
  secretFor: (accessKeyId: string) => string | undefined,
  authorize: Authorize | undefined,
) {
  const form = await new Request("http://local/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: new Uint8Array(body),
  })
    .formData()
    .catch(() => undefined);
  if (!form)
    return {
      status: 400,
      code: "MalformedPOSTRequest",
      message: "The body of your POST request is not well-formed multipart/form-data.",
    };
  const fields = new Map<string, string>();
  let fileSize = 0;
  for (const [name, value] of form) {
    if (typeof value === "string") fields.set(name.toLowerCase(), value);
    else if (name === "file") fileSize = value.size;
  }
  const problem = checkPostPolicy({ bucket, fields, fileSize }, secretFor);
  if (problem) return problem;
  // The upload acts with the rights of whoever signed its policy.
  const denial = authorize?.({
    accessKeyId: accessKeyOfCredential(fields.get("x-amz-credential")),
    action: "s3:PutObject",
    resource: `arn:aws:s3:::${bucket}/${fields.get("key") ?? ""}`,
  });
  return denial ? accessDenied(denial) : undefined;
}

function corsXml(origins: string[]) {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join("");
  const methods = ["GET", "PUT", "POST", "HEAD", "DELETE"]
    .map((method) => `<AllowedMethod>${method}</AllowedMethod>`)
    .join("");
  return `<CORSConfiguration><CORSRule>${allowed}${methods}<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/** Reads the whole body, or undefined (after draining the rest) when it exceeds the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on("error", reject);
  });
}

function s3Error(res: ServerResponse, problem: PolicyProblem, origin: string | undefined) {
  const headers: Record<string, string> = { "Content-Type": "application/xml" };
  // Like S3, errors carry the CORS headers too, so the browser can read why an upload failed.
  if (origin) Object.assign(headers, { "Access-Control-Allow-Origin": origin, Vary: "Origin" });
  res.writeHead(problem.status, headers);
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${problem.code}</Code><Message>${escapeXml(problem.message)}</Message></Error>`,
  );
}

const escapeXml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch,
  );
