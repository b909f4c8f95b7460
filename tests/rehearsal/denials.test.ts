// The rehearsal can fail: with one grant removed from the synthesized template, the function that
// needed it gets AccessDenied (logged with function, action and resource) and the product path
// breaks as it would after a deploy; a variable the template cannot resolve stops the rehearsal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smoke } from "../support/cli";
import { type BootedRehearsal, bootRehearsal, httpFunction, httpFunctionOf } from "../support/rehearsal";

type Statement = { Action: string | string[] };
type Template = BootedRehearsal["template"];

/** Removes one action from every statement of a function's role policies. */
function revoke(template: Template, functionId: string, action: string) {
  const role = template.Resources[functionId]?.Properties?.Role["Fn::GetAtt"][0];
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== "AWS::IAM::Policy") continue;
    if (!resource.Properties?.Roles.some((r: { Ref: string }) => r.Ref === role)) continue;
    for (const statement of resource.Properties.PolicyDocument.Statement as Statement[])
      statement.Action = [statement.Action].flat().filter((a) => a !== action);
  }
}

describe("a rehearsal without the http function's sqs:SendMessage", () => {
  let rehearsal: BootedRehearsal;

  beforeAll(async () => {
    rehearsal = await bootRehearsal("denials", {
      edit: (t) => revoke(t, httpFunction(t), "sqs:SendMessage"),
    });
  }, 180_000);
  afterAll(() => rehearsal?.stop());

  it("fails rehome smoke at the question, with AccessDenied from the http function naming the queue", async () => {
    const result = await smoke(rehearsal.url, "team@demo.rehome.local", "rehome-demo");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/POST \/api\/agent\/threads\/\S+\/messages → 500/);

    const http = httpFunctionOf(rehearsal);
    expect(rehearsal.denials).toEqual([
      {
        function: http?.name,
        action: "sqs:SendMessage",
        resource: expect.stringMatching(/^arn:aws:sqs:us-east-1:000000000000:\S+AgentQueue/),
      },
    ]);
    expect(rehearsal.log).toContainEqual(
      expect.stringMatching(`AccessDenied: ${http?.name} may not sqs:SendMessage on arn:aws:sqs:`),
    );
  });
});

describe("a template with a variable that cannot be resolved", () => {
  it("stops the rehearsal naming the function and the variable", async () => {
    const rehearsal = bootRehearsal("denials", {
      edit: (t) => {
        const variables = t.Resources[httpFunction(t)]?.Properties?.Environment.Variables;
        variables.REPORTS_BUCKET = { "Fn::GetAtt": ["NoSuchBucket", "Arn"] };
      },
    });
    await expect(rehearsal).rejects.toThrow(
      /function Functionshttp\w+ .*environment variable REPORTS_BUCKET cannot be resolved: no resource NoSuchBucket/,
    );
  });
});
