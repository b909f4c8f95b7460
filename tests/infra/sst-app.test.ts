// The real sst.config.ts, run the way `sst deploy` runs it but offline: sst v2's project and app
// wrapper (no credentials, no CloudFormation), then its ReHome stack is synthesized and checked
// for the outputs an operator reads after a deploy and the stage name reaching every function.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ENTRIES } from "@rehome/infra/bundle";
import { Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { App } from "sst/constructs";
import { initProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import sst from "../../sst.config";

const ROOT = resolve(import.meta.dirname, "../..");
let template: Template;
let stackName: string;

/** A folder shaped like a built checkout: sst.config.ts points at .build/lambdas and web/dist. */
async function builtCheckout() {
  const dir = await mkdtemp(join(tmpdir(), "rehome-sst-"));
  for (const entry of ENTRIES) {
    await mkdir(join(dir, ".build/lambdas", entry), { recursive: true });
    await writeFile(
      join(dir, ".build/lambdas", entry, "index.mjs"),
      "export const handler = async () => ({});\n",
    );
  }
  await mkdir(join(dir, "web/dist"), { recursive: true });
  await writeFile(join(dir, "web/dist/index.html"), "<!doctype html><title>ReHome</title>");
  return dir;
}

/** Runs sst.config.ts's stacks in the built checkout (the working directory), as `sst deploy` would. */
async function deploy(checkout: string) {
  const app = new App(
    { mode: "deploy", name: "rehome", stage: "test", region: "eu-west-1", account: "123456789012" },
    { outdir: join(checkout, `cdk.out-${Date.now()}`) },
  );
  await sst.stacks(app);
  await app.finish();
  const stack = app.node.children.find((child): child is Stack => child instanceof Stack);
  if (!stack) throw new Error("sst.config.ts defined no stack");
  return stack;
}

let checkout: string;

beforeAll(async () => {
  await initProject({ stage: "test", root: ROOT });
  checkout = await builtCheckout();
  process.chdir(checkout);
  const stack = await deploy(checkout);
  stackName = stack.stackName;
  template = Template.fromStack(stack);
}, 120_000);
afterAll(() => process.chdir(ROOT));

describe("the sst app (sst.config.ts)", () => {
  it("names the app rehome and defines one ReHome stack per stage", async () => {
    expect((await sst.config()).name).toBe("rehome");
    expect(stackName).toBe("test-rehome-ReHome");
  });

  it("outputs the web, API and WebSocket URLs, the agent queues, the uploads bucket and the dashboard link", () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual([
      "AgentDlqUrl",
      "AgentQueueUrl",
      "ApiUrl",
      "Dashboard",
      // sst's own, read by its console.
      "SSTMetadata",
      "UploadsBucket",
      "WebSocketUrl",
      "WebUrl",
    ]);
    for (const queue of ["AgentQueueUrl", "AgentDlqUrl"]) {
      const { Ref } = outputs[queue]?.Value as { Ref: string };
      expect(template.toJSON().Resources[Ref].Type).toBe("AWS::SQS::Queue");
    }
    const resourcesById = template.toJSON().Resources;
    const attributeOf = (output: string) => {
      const [id, attribute] = (outputs[output]?.Value as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"];
      return { attribute, resource: resourcesById[id] };
    };
    // https://<bucket>.s3.<region>.amazonaws.com/index.html: the REST endpoint, never the HTTP-only website one.
    const join = (outputs.WebUrl?.Value as { "Fn::Join": [string, [string, unknown, string]] })["Fn::Join"];
    const [scheme, site, path] = join[1];
    expect([scheme, path]).toEqual(["https://", "/index.html"]);
    expect(site).toEqual({ "Fn::GetAtt": [expect.any(String), "RegionalDomainName"] });
    const bucket = resourcesById[(site as { "Fn::GetAtt": [string] })["Fn::GetAtt"][0]];
    expect(bucket.Type).toBe("AWS::S3::Bucket");
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    const { Ref: uploads } = outputs.UploadsBucket?.Value as { Ref: string };
    expect(resourcesById[uploads].Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(attributeOf("ApiUrl")).toMatchObject({
      attribute: "ApiEndpoint",
      resource: { Type: "AWS::ApiGatewayV2::Api", Properties: { ProtocolType: "HTTP" } },
    });
    expect(JSON.stringify(outputs.WebSocketUrl?.Value)).toMatch(/wss:\/\/.*execute-api.*\/test/);
    expect(outputs.Dashboard?.Value).toBe(
      "https://console.aws.amazon.com/cloudwatch/home#dashboards:name=ReHome-test",
    );
  });

  it("builds every function of the stage with the stage's name and no CloudFront", () => {
    const functions = Object.values(template.findResources("AWS::Lambda::Function")).filter(
      (f) => f.Properties.Environment?.Variables?.STAGE,
    );
    expect(functions).toHaveLength(ENTRIES.length);
    for (const fn of functions) expect(fn.Properties.Environment.Variables.STAGE).toBe("test");
    const types = Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map(
      (r) => r.Type,
    );
    expect(types.filter((t) => t.startsWith("AWS::CloudFront::"))).toEqual([]);
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
  });

  it("reads the warm hours from the deploying shell (WARM_SANDBOXES, WARM_HOURS), and keeps none without them", async () => {
    expect(template.findResources("AWS::ApplicationAutoScaling::ScalableTarget")).toEqual({});
    vi.stubEnv("WARM_SANDBOXES", "3");
    vi.stubEnv("WARM_HOURS", "MON-SAT 06-18 Europe/Dublin");
    try {
      const warm = Template.fromStack(await deploy(checkout));
      warm.hasResourceProperties("AWS::Lambda::Alias", { Name: "live" });
      warm.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
        MaxCapacity: 3,
        ScheduledActions: [
          Match.objectLike({ Schedule: "cron(0 6 ? * MON-SAT *)", Timezone: "Europe/Dublin" }),
          Match.objectLike({ Schedule: "cron(0 18 ? * MON-SAT *)", Timezone: "Europe/Dublin" }),
        ],
      });
    } finally {
      vi.unstubAllEnvs();
    }
  }, 120_000);
});
