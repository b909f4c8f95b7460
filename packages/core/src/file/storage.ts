// The uploads bucket: presigned POST in, a copy from the staging key to the file's own key, HEAD
// and a ranged read for the content check, presigned GET out, delete. Objects are private;
// nothing here makes one public.
import { s3 } from "../aws/clients";
import { config } from "../config";

const bucket = () => config().uploadsBucket;

/** A browser form upload of exactly this key and type, 1 to `maxBytes` bytes, for a few minutes. */
export async function presignUpload(key: string, contentType: string, maxBytes: number) {
  const { createPresignedPost } = await import("@aws-sdk/s3-presigned-post");
  return createPresignedPost((await s3()).client, {
    Bucket: bucket(),
    Key: key,
    Conditions: [["content-length-range", 1, maxBytes], { "Content-Type": contentType }],
    Fields: { "Content-Type": contentType },
    Expires: config().uploads.uploadUrlTtlSeconds,
  });
}

/** The stored object's size, or undefined when nothing was uploaded. */
export async function sizeOf(key: string): Promise<number | undefined> {
  const { client, sdk } = await s3();
  try {
    const head = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    if (error instanceof sdk.NotFound || (error as { name?: string }).name === "NotFound") return undefined;
    throw error;
  }
}

/** The first `bytes` bytes of the object. */
export async function readStart(key: string, bytes: number): Promise<Uint8Array> {
  const { client, sdk } = await s3();
  const object = await client.send(
    new sdk.GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${bytes - 1}` }),
  );
  const body = await object.Body?.transformToByteArray();
  return (body ?? new Uint8Array()).subarray(0, bytes);
}

/** Copies an object within the bucket on S3's side: the bytes never pass through here. */
export async function copy(fromKey: string, toKey: string): Promise<void> {
  const { client, sdk } = await s3();
  await client.send(
    new sdk.CopyObjectCommand({
      Bucket: bucket(),
      Key: toKey,
      CopySource: encodeURI(`${bucket()}/${fromKey}`),
    }),
  );
}

/** A short-lived download link that saves the file under its own name, never renders it inline. */
export async function presignDownload(key: string, name: string, contentType: string) {
  const { client, sdk } = await s3();
  const { getSignedUrl } = await import("@aws-sdk/s3-request-presigner");
  return getSignedUrl(
    client,
    new sdk.GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      ResponseContentType: contentType,
      ResponseContentDisposition: attachment(name),
    }),
    { expiresIn: config().uploads.downloadUrlTtlSeconds },
  );
}

export async function remove(key: string): Promise<void> {
  const { client, sdk } = await s3();
  await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name. */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
