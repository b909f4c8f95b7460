// The hook through which a stand-in asks "may this caller do this?" before it acts, and how the
// caller is known: the access key id of the request's SigV4 signature (header or presigned
// query). The stand-ins only ask and answer AccessDenied; the rehearsal decides (rehearsal/iam.ts).
import type { IncomingMessage } from "node:http";

export interface AccessRequest {
  /** Who signed the request; undefined for an unsigned one. */
  accessKeyId: string | undefined;
  /** The IAM action, e.g. `dynamodb:PutItem`. */
  action: string;
  /** The ARN acted on, e.g. `arn:aws:dynamodb:us-east-1:000000000000:table/data`. */
  resource: string;
}

/** Undefined when allowed; otherwise the message AWS's AccessDenied would carry. */
export type Authorize = (request: AccessRequest) => string | undefined;

/** The first denial among several checks (one request may touch several resources). */
export function firstDenial(authorize: Authorize | undefined, requests: AccessRequest[]) {
  if (!authorize) return undefined;
  for (const request of requests) {
    const denial = authorize(request);
    if (denial) return denial;
  }
  return undefined;
}

/** `Credential=AKID/20260101/us-east-1/s3/aws4_request` from the header, or X-Amz-Credential from the query. */
export function accessKeyOf(req: IncomingMessage): string | undefined {
  const header = /Credential=([^/,\s]+)\//.exec(String(req.headers.authorization ?? ""))?.[1];
  if (header) return header;
  return accessKeyOfCredential(
    new URL(req.url ?? "/", "http://local").searchParams.get("X-Amz-Credential") ?? "",
  );
}

/** The access key id inside a SigV4 credential scope (`AKID/date/region/service/aws4_request`). */
export const accessKeyOfCredential = (credential: string | undefined) =>
  credential?.split("/")[0] || undefined;
