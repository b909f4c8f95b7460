// Checks a browser's presigned POST upload the way S3 does and s3rver does not: the SigV4
// signature over the policy, its expiration, every condition (exact, starts-with,
// content-length-range) and that no form field escapes the policy. It never stores anything.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface PolicyProblem {
  status: number;
  code: string;
  message: string;
}

export interface PostForm {
  bucket: string;
  /** Form fields other than the file, as sent. */
  fields: Map<string, string>;
  fileSize: number;
}

type Condition = Record<string, string> | [string, string | number, string | number];

/** Fields S3 does not require a policy condition for. */
const EXEMPT_FIELDS = new Set(["x-amz-signature", "file", "policy"]);

export function checkPostPolicy(
  form: PostForm,
  secretFor: (accessKeyId: string) => string | undefined,
): PolicyProblem | undefined {
  const field = (name: string) => form.fields.get(name.toLowerCase());
  const encodedPolicy = field("policy");
  if (!encodedPolicy) return accessDenied("Bucket POST must contain a field named 'policy'.");
  const signatureProblem = checkSignature(encodedPolicy, field, secretFor);
  if (signatureProblem) return signatureProblem;

  let policy: { expiration?: string; conditions?: Condition[] };
  try {
    policy = JSON.parse(Buffer.from(encodedPolicy, "base64").toString("utf8"));
  } catch {
    return { status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Invalid JSON." };
  }
  if (!policy.expiration || !(Date.parse(policy.expiration) > Date.now()))
    return accessDenied("Invalid according to Policy: Policy expired.");

  const covered = new Set<string>();
  const valueOf = (name: string) => (name === "bucket" ? form.bucket : (field(name) ?? ""));
  for (const condition of policy.conditions ?? []) {
    const [op, rawName, expected] = Array.isArray(condition)
      ? condition.map(String)
      : ["eq", ...(Object.entries(condition)[0] ?? ["", ""])];
    if (op === "content-length-range") {
      if (form.fileSize > Number(expected))
        return sizeProblem("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
      if (form.fileSize < Number(rawName))
        return sizeProblem("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size");
      continue;
    }
    const name = String(rawName).replace(/^\$/, "").toLowerCase();
    covered.add(name);
    const value = valueOf(name);
    const holds = op === "starts-with" ? value.startsWith(String(expected)) : value === expected;
    if (!holds)
      return accessDenied(
        `Invalid according to Policy: Policy Condition failed: ["${op}", "$${name}", "${expected}"]`,
      );
  }
  const extra = [...form.fields.keys()].find(
    (name) => !EXEMPT_FIELDS.has(name) && !name.startsWith("x-ignore-") && !covered.has(name),
  );
  if (extra) return accessDenied(`Invalid according to Policy: Extra input fields: ${extra}`);
  return undefined;
}

function checkSignature(
  encodedPolicy: string,
  field: (name: string) => string | undefined,
  secretFor: (accessKeyId: string) => string | undefined,
): PolicyProblem | undefined {
  if (field("x-amz-algorithm") !== "AWS4-HMAC-SHA256")
    return accessDenied("Only AWS4-HMAC-SHA256 signed POST uploads are supported here.");
  const [accessKeyId = "", date = "", region = "", service = ""] = (field("x-amz-credential") ?? "").split(
    "/",
  );
  const secret = secretFor(accessKeyId);
  if (!secret)
    return {
      status: 403,
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
    };
  const signingKey = [date, region, service, "aws4_request"].reduce<Buffer | string>(
    (key, part) => createHmac("sha256", key).update(part).digest(),
    `AWS4${secret}`,
  );
  const expected = createHmac("sha256", signingKey).update(encodedPolicy).digest();
  const given = Buffer.from(field("x-amz-signature") ?? "", "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "The request signature we calculated does not match the signature you provided.",
    };
  return undefined;
}

export const accessDenied = (message: string): PolicyProblem => ({
  status: 403,
  code: "AccessDenied",
  message,
});
const sizeProblem = (code: string, message: string): PolicyProblem => ({ status: 400, code, message });
