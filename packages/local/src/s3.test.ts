// The local S3 takes what the browser sends: presigned POST uploads checked against their policy
// (size, Content-Type, signature, extra fields), presigned GET downloads, CORS for the SPA origin.
// s3rver alone ignores POST policies; the checks here come from the front in s3.ts.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { createPresignedPost, type PresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3_CREDENTIALS, startS3 } from "./s3";

const BUCKET = "uploads-test";
const ORIGIN = "http://localhost:5173";
let s3: Awaited<ReturnType<typeof startS3>>;
let client: S3Client;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "rehome-s3-"));
  s3 = await startS3({ directory, buckets: [BUCKET], corsOrigins: [ORIGIN] });
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
  });
});
afterAll(async () => {
  await s3.stop();
  await rm(directory, { recursive: true, force: true });
});

const presign = (Key: string, maxBytes = 1024) =>
  createPresignedPost(client, {
    Bucket: BUCKET,
    Key,
    Conditions: [["content-length-range", 1, maxBytes], { "Content-Type": "text/plain" }],
    Fields: { "Content-Type": "text/plain" },
    Expires: 60,
  });

/** Posts the form the way a browser does: the policy's fields, then the file last. */
const upload = (post: PresignedPost, content: string, extraFields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...post.fields, ...extraFields })) form.append(name, value);
  form.append("file", new Blob([content], { type: "text/plain" }), "notes.txt");
  return fetch(post.url, { method: "POST", body: form, headers: { Origin: ORIGIN } });
};

const exists = (Key: string) =>
  client.send(new HeadObjectCommand({ Bucket: BUCKET, Key })).then(
    () => true,
    () => false,
  );

describe("the local S3", () => {
  it("accepts a presigned POST within its policy and serves it back through a presigned GET", async () => {
    const post = await presign("projects/p1/notes.txt");
    const response = await upload(post, "hello from the browser");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);

    const url = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: BUCKET, Key: "projects/p1/notes.txt" }),
      {
        expiresIn: 60,
      },
    );
    const download = await fetch(url, { headers: { Origin: ORIGIN } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/plain");
    expect(download.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(await download.text()).toBe("hello from the browser");
  });

  it("rejects an upload over the policy's content-length-range, readable by the browser", async () => {
    const response = await upload(await presign("projects/p1/big.txt", 16), "x".repeat(17));
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(await response.text()).toContain("<Code>EntityTooLarge</Code>");
    expect(await exists("projects/p1/big.txt")).toBe(false);
  });

  it("rejects a policy edited after signing, a field the policy does not name, and a wrong Content-Type", async () => {
    const post = await presign("projects/p1/forged.txt", 16);
    const policy = JSON.parse(Buffer.from(post.fields.Policy ?? "", "base64").toString("utf8"));
    policy.conditions[0] = ["content-length-range", 1, 10_000_000];
    const forged = {
      ...post,
      fields: { ...post.fields, Policy: Buffer.from(JSON.stringify(policy)).toString("base64") },
    };

    const signature = await upload(forged, "x".repeat(17));
    expect(signature.status).toBe(403);
    expect(await signature.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

    const extra = await upload(post, "ok", { "x-amz-meta-owner": "someone" });
    expect(extra.status).toBe(403);
    expect(await extra.text()).toContain("Extra input fields: x-amz-meta-owner");

    const contentType = await upload(post, "ok", { "Content-Type": "text/html" });
    expect(contentType.status).toBe(403);
    expect(await exists("projects/p1/forged.txt")).toBe(false);
  });

  it("answers the browser's CORS preflight for the SPA origin only", async () => {
    const preflight = (origin: string) =>
      fetch(`${s3.endpoint}/${BUCKET}/projects/p1/notes.txt`, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "PUT",
          "Access-Control-Request-Headers": "content-type",
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("PUT");
    expect((await preflight("http://evil.example")).status).toBe(403);
  });

  // S3 has no directories: a key's neighbours come and go without touching it. s3rver keeps
  // objects as files and removes a folder once its last object is deleted, so a write under the
  // same prefix at that moment lost its folder: the object was never stored, and the failed
  // write stream crashed the process (an upload's staged copy is deleted on every completion).
  it("stores an object while its neighbour under the same prefix is deleted", async () => {
    for (let round = 0; round < 40; round++) {
      const prefix = `staging/w/p${round}`;
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/old`, Body: "old" }));
      await Promise.all([
        client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${prefix}/old` })),
        client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/new`, Body: "new" })),
      ]);
      expect(await exists(`${prefix}/new`), `round ${round}`).toBe(true);
    }
  });
});
