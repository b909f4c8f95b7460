// Resource policies of the functions (AWS::Lambda::Permission): API Gateway and EventBridge may
// invoke a function only where the template says so, or a route or schedule wired to a function
// fails in AWS however right its target is. Checked on every invocation a service makes.
import { wildcard } from "./iam";
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

/** True when `service` (e.g. `apigateway.amazonaws.com`) may invoke the function from `sourceArn`. */
export type MayInvoke = (functionArn: string, service: string, sourceArn: string) => boolean;

export function invokePermissions(template: Template, resolve: Resolve): MayInvoke {
  const grants = resourcesOf(template, "AWS::Lambda::Permission").map(([, permission]) => {
    const p = resolve(permission.Properties ?? {}) as Record<string, string | undefined>;
    return { action: p.Action, functionName: p.FunctionName, principal: p.Principal, sourceArn: p.SourceArn };
  });
  return (functionArn, service, sourceArn) =>
    grants.some(
      (g) =>
        (g.action === "lambda:InvokeFunction" || g.action === "lambda:*") &&
        g.principal === service &&
        // FunctionName may be the name, the ARN or a partial ARN.
        (g.functionName === functionArn || functionArn.endsWith(`:${g.functionName}`)) &&
        (!g.sourceArn || wildcard(g.sourceArn, sourceArn, false)),
    );
}
