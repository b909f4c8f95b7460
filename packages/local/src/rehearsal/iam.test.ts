// IAM's evaluation as the rehearsal applies it to the template's roles.
import { describe, expect, it } from "vitest";
import { isAllowed, type Role, type Statement, wildcard } from "./iam";

const statement = (s: Partial<Statement>): Statement => ({
  effect: "Allow",
  actions: [],
  resources: [],
  conditional: false,
  policy: "test",
  ...s,
});
const role = (...statements: Statement[]): Role => ({
  logicalId: "R",
  arn: "arn:aws:iam::000000000000:role/r",
  name: "r",
  statements,
  unknownManagedPolicies: [],
});
const TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/data";

describe("IAM evaluation", () => {
  it("matches actions case-insensitively and resources exactly, with * and ? wildcards", () => {
    expect(wildcard("s3:GetObject*", "s3:getobjectversion", true)).toBe(true);
    expect(wildcard("arn:aws:s3:::uploads/*", "arn:aws:s3:::Uploads/a", false)).toBe(false);
    expect(
      wildcard(
        "arn:aws:secretsmanager:*:secret:key-??????",
        "arn:aws:secretsmanager:x:secret:key-abc123",
        false,
      ),
    ).toBe(true);
    expect(
      wildcard(
        "arn:aws:secretsmanager:*:secret:key-??????",
        "arn:aws:secretsmanager:x:secret:key-abc12",
        false,
      ),
    ).toBe(false);
  });

  it("allows only what an Allow names, on the resources it names (an index is not its table)", () => {
    const r = role(statement({ actions: ["dynamodb:Query"], resources: [TABLE] }));
    expect(isAllowed(r, "dynamodb:Query", TABLE)).toBe(true);
    expect(isAllowed(r, "dynamodb:PutItem", TABLE)).toBe(false);
    expect(isAllowed(r, "dynamodb:Query", `${TABLE}/index/gsi1`)).toBe(false);
  });

  it("lets an explicit Deny win and never counts a conditional Allow", () => {
    const allowAll = statement({ actions: ["dynamodb:*"], resources: ["*"] });
    expect(
      isAllowed(
        role(allowAll, statement({ effect: "Deny", actions: ["dynamodb:DeleteItem"], resources: [TABLE] })),
        "dynamodb:DeleteItem",
        TABLE,
      ),
    ).toBe(false);
    expect(isAllowed(role(statement({ ...allowAll, conditional: true })), "dynamodb:GetItem", TABLE)).toBe(
      false,
    );
  });
});
