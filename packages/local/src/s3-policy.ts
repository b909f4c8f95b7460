// Checks a browser's presigned POST upload against its policy document, the way S3 does:
// expiration, then every condition (eq / starts-with / content-length-range) on the form.
export interface PolicyProblem {
  status: number;
  code: string;
  message: string;
}

type Condition = Record<string, string> | [string, string | number, string | number];

export async function checkPostPolicy(
  bucket: string,
  body: Buffer,
  contentType: string,
): Promise<PolicyProblem | undefined> {
  const form = await new Request("http://local/", {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  }).formData();
  const policyField = form.get("Policy") ?? form.get("policy");
  if (typeof policyField !== "string") return denied("Bucket POST must contain a field named 'policy'.");
  let policy: { expiration?: string; conditions?: Condition[] };
  try {
    policy = JSON.parse(Buffer.from(policyField, "base64").toString("utf8"));
  } catch {
    return { status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Invalid JSON." };
  }
  if (!policy.expiration || Date.parse(policy.expiration) < Date.now())
    return denied("Invalid according to Policy: Policy expired.");
  const file = form.get("file");
  const size = file instanceof Blob ? file.size : 0;
  const field = (name: string) => {
    if (name === "bucket") return bucket;
    const key = [...form.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
    const value = key ? form.get(key) : null;
    return typeof value === "string" ? value : undefined;
  };
  for (const condition of policy.conditions ?? []) {
    if (Array.isArray(condition)) {
      const [op, a, b] = condition;
      if (op === "content-length-range") {
        if (size < Number(a) || size > Number(b)) {
          return size > Number(b)
            ? {
                status: 400,
                code: "EntityTooLarge",
                message: "Your proposed upload exceeds the maximum allowed size",
              }
            : {
                status: 400,
                code: "EntityTooSmall",
                message: "Your proposed upload is smaller than the minimum allowed size",
              };
        }
        continue;
      }
      const name = String(a).replace(/^\$/, "");
      const value = field(name) ?? "";
      if (op === "eq" && value !== b)
        return denied(`Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${b}"]`);
      if (op === "starts-with" && !value.startsWith(String(b))) {
        return denied(
          `Invalid according to Policy: Policy Condition failed: ["starts-with", "$${name}", "${b}"]`,
        );
      }
      continue;
    }
    for (const [name, expected] of Object.entries(condition)) {
      if (field(name) !== expected)
        return denied(
          `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${expected}"]`,
        );
    }
  }
  return undefined;
}

const denied = (message: string): PolicyProblem => ({ status: 403, code: "AccessDenied", message });
