// The deployable stage, synthesized offline and checked for the properties DESIGN §11 and the
// runbook rely on: TTL, PITR, the DLQ ratio, partial batches, the three WebSocket routes, a
// website bucket with no CloudFront, least-privilege IAM, secrets by reference, and ops.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReHome } from "@rehome/infra/app";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";

const ENTRIES = ["http", "ws-connect", "ws-disconnect", "ws-default", "agent-worker", "digest-schedule"];
let template: Template;
let prodTemplate: Template;

async function synth(stage: string) {
  const root = await mkdtemp(join(tmpdir(), "rehome-infra-"));
  for (const entry of ENTRIES) {
    await mkdir(join(root, "bundles", entry), { recursive: true });
    await writeFile(join(root, "bundles", entry, "index.mjs"), "export const handler = async () => ({});\n");
  }
  await mkdir(join(root, "web"));
  await writeFile(join(root, "web", "index.html"), "<!doctype html><title>ReHome</title>");
  const app = new App({ outdir: join(root, "cdk.out") });
  const stack = new Stack(app, `ReHome-${stage}`, { env: { account: "123456789012", region: "eu-west-1" } });
  buildReHome(stack, {
    stage,
    bundleDir: join(root, "bundles"),
    webDist: join(root, "web"),
    alarmEmail: "ops@example.com",
  });
  return Template.fromStack(stack);
}

beforeAll(async () => {
  template = await synth("dev");
  prodTemplate = await synth("prod");
}, 60_000);

const resources = (type: string) =>
  Object.values(template.findResources(type)) as { Properties: Record<string, any> }[];

describe("the synthesized stage", () => {
  it("keeps TTL on the Realtime table and point-in-time recovery on Data", () => {
    const tables = resources("AWS::DynamoDB::GlobalTable");
    expect(tables).toHaveLength(2);
    const withTtl = tables.filter((t) => t.Properties.TimeToLiveSpecification?.Enabled);
    expect(withTtl).toHaveLength(1);
    expect(withTtl[0]?.Properties.TimeToLiveSpecification.AttributeName).toBe("expiresAt");
    const durable = tables.filter(
      (t) => t.Properties.Replicas[0].PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled,
    );
    expect(durable).toHaveLength(1);
    expect(durable[0]?.Properties.TimeToLiveSpecification).toBeUndefined();
  });

  it("protects the Data table from deletion in prod only", () => {
    const protectedTables = (t: Template) =>
      Object.values(t.findResources("AWS::DynamoDB::GlobalTable")).filter(
        (r: any) => r.Properties.Replicas[0].DeletionProtectionEnabled,
      );
    expect(protectedTables(prodTemplate)).toHaveLength(1);
    expect(protectedTables(template)).toHaveLength(0);
  });

  it("dead-letters agent jobs after 3 receives, with a visibility timeout of 6x the worker timeout", () => {
    const queues = resources("AWS::SQS::Queue");
    const main = queues.find((q) => q.Properties.RedrivePolicy);
    expect(main?.Properties.RedrivePolicy.maxReceiveCount).toBe(3);
    const worker = resources("AWS::Lambda::Function").find((f) => f.Properties.Timeout === 120);
    expect(worker).toBeDefined();
    expect(main?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * (worker?.Properties.Timeout ?? Infinity),
    );
  });

  it("runs the worker with partial batch responses and a maximum concurrency", () => {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: Match.anyValue() },
    });
  });

  it("routes $connect, $disconnect and $default of the WebSocket API", () => {
    const routes = resources("AWS::ApiGatewayV2::Route")
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(routes).toEqual(expect.arrayContaining(["$connect", "$default", "$disconnect"]));
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "WEBSOCKET",
      RouteSelectionExpression: "$request.body.action",
    });
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
  });

  it("serves the SPA from an S3 website and has no CloudFront at all", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      WebsiteConfiguration: { IndexDocument: "index.html" },
    });
    const cloudfront = Object.keys(template.toJSON().Resources).filter((id) =>
      template.toJSON().Resources[id].Type.startsWith("AWS::CloudFront::"),
    );
    expect(cloudfront).toEqual([]);
    template.resourceCountIs("Custom::CDKBucketDeployment", 1);
  });

  it("keeps uploads private and encrypted, with CORS for the SPA and a lifecycle for aborted uploads", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      CorsConfiguration: Match.anyValue(),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ]),
      },
    });
  });

  it("grants no IAM action with a wildcard", () => {
    for (const policy of resources("AWS::IAM::Policy")) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of [statement.Action].flat()) expect(action).not.toBe("*");
        for (const action of [statement.Action].flat()) expect(String(action)).not.toMatch(/^[a-z0-9-]+:\*$/);
      }
    }
  });

  it("gives each function its own role, Node.js 22 on arm64 and a log retention", () => {
    // Ours carry STAGE; CDK's own helpers (bucket deployment, auto-delete) do not.
    const app = resources("AWS::Lambda::Function").filter((f) => f.Properties.Environment?.Variables?.STAGE);
    expect(app).toHaveLength(ENTRIES.length);
    for (const fn of app) {
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
    }
    expect(new Set(app.map((f) => JSON.stringify(f.Properties.Role))).size).toBe(app.length);
    template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 30 });
  });

  it("passes secrets by ARN, never by value", () => {
    const variables = resources("AWS::Lambda::Function").flatMap((f) =>
      Object.keys(f.Properties.Environment?.Variables ?? {}),
    );
    expect(variables).toContain("ANTHROPIC_API_KEY_SECRET_ARN");
    expect(variables).toContain("RESEND_API_KEY_SECRET_ARN");
    expect(variables).not.toContain("ANTHROPIC_API_KEY");
    expect(variables).not.toContain("RESEND_API_KEY");
  });

  it("schedules the daily and weekly digests", () => {
    const rules = resources("AWS::Events::Rule")
      .map((r) => r.Properties.ScheduleExpression)
      .sort();
    expect(rules).toEqual(["cron(0 7 * * ? *)", "cron(0 7 ? * MON *)"]);
  });

  it("has a dashboard with every widget the runbook names", () => {
    const [dashboard] = resources("AWS::CloudWatch::Dashboard");
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const title of [
      "API requests",
      "API 4xx / 5xx",
      "API latency p95",
      "WebSocket connections and messages",
      "Lambda errors",
      "Lambda duration p95",
      "Lambda throttles",
      "Lambda concurrency",
      "SQS age of oldest message",
      "DLQ depth",
      "DynamoDB throttles and consumed capacity",
      "Token latency p95 (ms)",
      "Socket messages per answer",
      "Agent runs by status",
      "Agent cost (cents)",
      "Budget blocks",
      "Gone connections cleaned (410)",
      "DLQ sends",
    ]) {
      expect(body).toContain(title);
    }
  });

  it("raises each alarm at its threshold to the SNS topic with an email subscription", () => {
    const alarms = Object.fromEntries(
      resources("AWS::CloudWatch::Alarm").map((a) => [
        String(a.Properties.AlarmName).replace("rehome-dev-", ""),
        a.Properties,
      ]),
    );
    expect(Object.fromEntries(Object.entries(alarms).map(([name, a]) => [name, a.Threshold]))).toEqual({
      DlqNotEmpty: 0,
      WorkerErrors: 3,
      Api5xxRate: 1,
      QueueAge: 300,
      TokenLatencyP95: 60,
      BudgetBlocksSpike: 20,
    });
    for (const alarm of Object.values(alarms)) expect(alarm.AlarmActions).toHaveLength(1);
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "ops@example.com",
    });
  });
});
