// Invoke permissions as the rehearsal applies them to an HTTP API wired to an alias (warm hours):
// the route invokes the qualified ARN, and only a permission that names the alias admits it.
import { describe, expect, it } from "vitest";
import { invokePermissions } from "./permissions";
import { resolver } from "./resolve";
import { apisOf } from "./routes";
import type { Template } from "./template";

const FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:stage-http";

/** An HTTP API whose one integration targets `target`, with one API Gateway permission on `permitted`. */
function stage(target: unknown, permitted: unknown): Template {
  return {
    Resources: {
      Http: { Type: "AWS::Lambda::Function", Properties: { FunctionName: "stage-http" } },
      Version: { Type: "AWS::Lambda::Version", Properties: { FunctionName: { Ref: "Http" } } },
      Live: {
        Type: "AWS::Lambda::Alias",
        Properties: {
          Name: "live",
          FunctionName: { Ref: "Http" },
          FunctionVersion: { "Fn::GetAtt": ["Version", "Version"] },
        },
      },
      Api: { Type: "AWS::ApiGatewayV2::Api", Properties: { ProtocolType: "HTTP" } },
      Integration: {
        Type: "AWS::ApiGatewayV2::Integration",
        Properties: {
          ApiId: { Ref: "Api" },
          IntegrationType: "AWS_PROXY",
          IntegrationUri: target,
          PayloadFormatVersion: "2.0",
        },
      },
      Route: {
        Type: "AWS::ApiGatewayV2::Route",
        Properties: {
          ApiId: { Ref: "Api" },
          RouteKey: "$default",
          Target: { "Fn::Join": ["", ["integrations/", { Ref: "Integration" }]] },
        },
      },
      Permission: {
        Type: "AWS::Lambda::Permission",
        Properties: {
          Action: "lambda:InvokeFunction",
          FunctionName: permitted,
          Principal: "apigateway.amazonaws.com",
        },
      },
    },
  };
}

function wiring(template: Template) {
  const { resolve, physical } = resolver(template, {
    stackName: "s",
    prefix: "stage",
    sqsEndpoint: "http://sqs",
  });
  const [api] = apisOf(template, resolve, physical);
  const mayInvoke = invokePermissions(template, resolve);
  const arn = api?.routes[0]?.functionArn ?? "";
  return { arn, admitted: mayInvoke(arn, "apigateway.amazonaws.com", `${api?.arn}/$default/GET/x`) };
}

describe("invoke permissions of an API wired to an alias", () => {
  it("invokes the alias's qualified ARN, admitted by a permission on the alias", () => {
    expect(wiring(stage({ Ref: "Live" }, { Ref: "Live" }))).toEqual({
      arn: `${FUNCTION}:live`,
      admitted: true,
    });
  });

  it("refuses the alias when only the function itself is permitted, as Lambda does", () => {
    expect(wiring(stage({ Ref: "Live" }, { Ref: "Http" }))).toEqual({
      arn: `${FUNCTION}:live`,
      admitted: false,
    });
    expect(wiring(stage({ Ref: "Live" }, { "Fn::GetAtt": ["Http", "Arn"] })).admitted).toBe(false);
  });

  it("keeps an API wired to the function itself as before", () => {
    expect(wiring(stage({ "Fn::GetAtt": ["Http", "Arn"] }, { Ref: "Http" }))).toEqual({
      arn: FUNCTION,
      admitted: true,
    });
    expect(wiring(stage({ "Fn::GetAtt": ["Http", "Arn"] }, { Ref: "Live" })).admitted).toBe(false);
  });
});
