// The uploads bucket: presigned POST in, presigned GET out, HEAD and a ranged read for the
// content check, delete. Objects are private; nothing here makes one public.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { s3 } from "../aws/clients";
import { config } from "../config";

const bucket = () => config().uploadsBucket;

/** A browser form upload of exactly this key and type, 1 to `maxBytes` bytes, for a few minutes. */
export const presignUpload = (key: string, contentType: string, maxBytes: number) =>
  createPresignedPost(s3(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [["content-length-range", 1, maxBytes], { "Content-Type": contentType }],
    Fields: { "Content-Type": contentType },
    Expires: config().uploads.uploadUrlTtlSeconds,
  });

/** The stored object's size, or undefined when nothing was uploaded. */
export async function sizeOf(key: string): Promise<number | undefined> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    if (error instanceof NotFound || (error as { name?: string }).name === "NotFound") return undefined;
    throw error;
  }
}

/** The first `bytes` bytes of the object. */
export async function readStart(key: string, bytes: number): Promise<Uint8Array> {
  const object = await s3().send(
    new GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${bytes - 1}` }),
  );
  const body = await object.Body?.transformToByteArray();
  return (body ?? new Uint8Array()).subarray(0, bytes);
}

/** A short-lived download link that saves the file under its own name, never renders it inline. */
export const presignDownload = (key: string, name: string, contentType: string) =>
  getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      ResponseContentType: contentType,
      ResponseContentDisposition: attachment(name),
    }),
    { expiresIn: config().uploads.downloadUrlTtlSeconds },
  );

export async function remove(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name. */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
