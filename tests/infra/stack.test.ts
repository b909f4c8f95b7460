// The deployable stage, synthesized offline and checked for the properties DESIGN §11 and the
// runbook rely on: TTL, PITR, the DLQ ratio, partial batches, the three WebSocket routes, the
// SPA over HTTPS from S3 with no CloudFront, versioned uploads, least-privilege IAM, secrets by
// reference, and ops.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { STAGING_PREFIX } from "@rehome/core/file/keys";
import { buildReHome, type ReHomeProps } from "@rehome/infra/app";
import { ENTRIES } from "@rehome/infra/bundle";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILT_SITE, writeBuiltSite } from "../support/built-site";

let template: Template;
let prodTemplate: Template;
/** The dev stage's cloud assembly: its staged assets are the files a deployment uploads. */
let assembly: string;

async function synth(
  stage: string,
  options: Partial<Pick<ReHomeProps, "agentEnabled" | "aiSettings" | "maxStreams" | "warm">> = {},
  outdir?: (dir: string) => void,
) {
  const root = await mkdtemp(join(tmpdir(), "rehome-infra-"));
  for (const entry of ENTRIES) {
    await mkdir(join(root, "bundles", entry), { recursive: true });
    await writeFile(join(root, "bundles", entry, "index.mjs"), "export const handler = async () => ({});\n");
  }
  await writeBuiltSite(join(root, "web"));
  const app = new App({ outdir: join(root, "cdk.out") });
  outdir?.(app.outdir);
  const stack = new Stack(app, `ReHome-${stage}`, { env: { account: "123456789012", region: "eu-west-1" } });
  buildReHome(stack, {
    stage,
    bundleDir: join(root, "bundles"),
    webDist: join(root, "web"),
    alarmEmail: "ops@example.com",
    ...options,
  });
  return Template.fromStack(stack);
}

beforeAll(async () => {
  template = await synth("dev", {}, (dir) => {
    assembly = dir;
  });
  prodTemplate = await synth("prod");
}, 60_000);

const resources = (type: string, from = template) =>
  Object.values(from.findResources(type)) as { Properties: Record<string, any> }[];

/** Whether a function's logical id is that of an entry point's (`Functionswsconnect…`). */
const isOf = (id: string, entry: string) => id.startsWith(`Functions${entry.replaceAll("-", "")}`);

/** Our functions (they carry STAGE; CDK's own helpers do not), by entry point name. */
const functions = (from = template) =>
  Object.fromEntries(
    Object.entries(from.findResources("AWS::Lambda::Function"))
      .filter(([, f]) => f.Properties.Environment?.Variables?.STAGE)
      .map(([id, f]) => [ENTRIES.find((e) => isOf(id, e)), f]),
  ) as Record<string, { Properties: Record<string, any> }>;

/** A function's logical id, by entry point name. */
const functionId = (from: Template, entry: string) =>
  Object.keys(from.findResources("AWS::Lambda::Function")).find((id) => isOf(id, entry)) ?? "";

/** A function's `live` alias (warm hours) and the scalable target holding its provisioned sandboxes. */
function warmOf(from: Template, entry: string) {
  const fn = functionId(from, entry);
  const [[id, alias] = ["", { Properties: {} }]] = Object.entries(
    from.findResources("AWS::Lambda::Alias"),
  ).filter(([, a]) => a.Properties.FunctionName?.Ref === fn);
  const target = resources("AWS::ApplicationAutoScaling::ScalableTarget", from).find((t) =>
    JSON.stringify(t.Properties.ResourceId).includes(id),
  ) ?? { Properties: {} };
  return { alias: { id, ...(alias as { Properties: Record<string, any> }) }, target };
}

/** Statements of the policy attached to a function's own role. */
function statementsOf(entry: string) {
  const role = functions()[entry]?.Properties.Role["Fn::GetAtt"][0];
  return resources("AWS::IAM::Policy")
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement) as { Action: string | string[]; Resource: any }[];
}

/** A CloudFormation value as text, with `Fn::GetAtt` rendered as `<resource id>.<attribute>`. */
function rendered(value: unknown): string {
  if (typeof value === "string") return value;
  const v = value as { "Fn::Join"?: [string, unknown[]]; "Fn::GetAtt"?: [string, string]; Ref?: string };
  if (v["Fn::Join"]) return v["Fn::Join"][1].map(rendered).join(v["Fn::Join"][0]);
  if (v["Fn::GetAtt"]) return `<${v["Fn::GetAtt"].join(".")}>`;
  return `<${v.Ref}>`;
}

/** The SPA's bucket: the one the bucket deployments write to. */
function siteBucket() {
  const [deployment] = resources("Custom::CDKBucketDeployment");
  const id = deployment?.Properties.DestinationBucketName.Ref as string;
  return { id, ...(template.toJSON().Resources[id] as { Properties: Record<string, any> }) };
}

/** The folder a bucket deployment's (first) source was staged in: the files it uploads. */
const stagedDir = (deployment: Record<string, any> | undefined) =>
  join(assembly, `asset.${String(deployment?.SourceObjectKeys[0]).replace(/\.zip$/, "")}`);

/** The dashboard body as JSON, with CloudFormation references rendered as `ref:<id>`. */
function dashboardWidgets() {
  const [dashboard] = resources("AWS::CloudWatch::Dashboard");
  const parts = dashboard?.Properties.DashboardBody["Fn::Join"][1] as (string | { Ref: string })[];
  const body = parts.map((p) => (typeof p === "string" ? p : `ref:${p.Ref}`)).join("");
  return JSON.parse(body).widgets as { properties: { title: string; metrics: unknown[][] } }[];
}

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
    const queues = template.findResources("AWS::SQS::Queue");
    const main = Object.entries(queues).find(([id]) => id.startsWith("AgentQueue"))?.[1];
    expect(main?.Properties.RedrivePolicy.maxReceiveCount).toBe(3);
    expect(main?.Properties.RedrivePolicy.deadLetterTargetArn["Fn::GetAtt"][0]).toMatch(/^AgentExhausted/);
    const worker = functions()["agent-worker"];
    expect(worker?.Properties.Timeout).toBe(120);
    expect(main?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * (worker?.Properties.Timeout ?? Infinity),
    );
  });

  it("hands jobs out of receives to the dead-letter consumer, which may send only to the DLQ", () => {
    const queues = template.findResources("AWS::SQS::Queue");
    const [exhaustedId, exhausted] =
      Object.entries(queues).find(([id]) => id.startsWith("AgentExhausted")) ?? [];
    const dlqId = Object.keys(queues).find((id) => id.startsWith("AgentDeadLetters"));
    // SQS keeps the 3 receives a job arrives with: should the consumer then fail three times
    // itself, SQS parks the job in the DLQ as it is.
    expect(exhausted?.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { "Fn::GetAtt": [dlqId, "Arn"] },
      maxReceiveCount: 6,
    });
    const consumer = functions()["agent-dead-letters"];
    expect(exhausted?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * consumer?.Properties.Timeout);
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: { "Fn::GetAtt": [exhaustedId, "Arn"] },
      FunctionName: {
        Ref: Object.keys(template.findResources("AWS::Lambda::Function")).find((id) =>
          id.startsWith("Functionsagentdeadletters"),
        ),
      },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    const sqsStatements = statementsOf("agent-dead-letters").filter((s) =>
      [s.Action].flat().some((a) => a.startsWith("sqs:")),
    );
    const sends = sqsStatements.filter((s) => [s.Action].flat().includes("sqs:SendMessage"));
    expect(sends.map((s) => s.Resource)).toEqual([{ "Fn::GetAtt": [dlqId, "Arn"] }]);
    for (const statement of sqsStatements)
      expect([{ "Fn::GetAtt": [dlqId, "Arn"] }, { "Fn::GetAtt": [exhaustedId, "Arn"] }]).toContainEqual(
        statement.Resource,
      );
    const secretReads = statementsOf("agent-dead-letters").filter((s) =>
      [s.Action].flat().some((a) => a.startsWith("secretsmanager:")),
    );
    expect(secretReads).toEqual([]);
  });

  it("runs the worker with partial batch responses, two streams per invocation and a maximum concurrency", () => {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      BatchSize: 2,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 50 },
    });
  });

  it("lets a stage stream up to 1,000 answers at once, and refuses more", async () => {
    const large = await synth("dev", { maxStreams: 1000 });
    large.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      BatchSize: 2,
      ScalingConfig: { MaximumConcurrency: 500 },
    });
    for (const maxStreams of [1002, 101, 0])
      await expect(synth("dev", { maxStreams })).rejects.toThrow(/maxStreams must be a multiple of 2/);
  }, 60_000);

  it("keeps no provisioned sandboxes unless the stage sets warm hours: the API invokes the function itself", () => {
    for (const from of [template, prodTemplate]) {
      expect(resources("AWS::Lambda::Alias", from)).toEqual([]);
      expect(resources("AWS::ApplicationAutoScaling::ScalableTarget", from)).toEqual([]);
    }
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationUri: { "Fn::GetAtt": [functionId(template, "http"), "Arn"] },
    });
  });

  it("keeps a stage's warm HTTP sandboxes through its working hours, in its time zone, and none outside", async () => {
    const warm = await synth("prod", { warm: { sandboxes: 4, hours: "MON-FRI 07-19 Europe/London" } });
    const { alias, target } = warmOf(warm, "http");
    expect(alias.Properties).toMatchObject({
      Name: "live",
      FunctionVersion: { "Fn::GetAtt": [expect.stringMatching(/^FunctionshttpCurrentVersion/), "Version"] },
    });
    expect(target.Properties).toMatchObject({
      ScalableDimension: "lambda:function:ProvisionedConcurrency",
      MinCapacity: 0,
      MaxCapacity: 4,
      ScheduledActions: [
        {
          ScheduledActionName: "WorkdayStarts",
          Schedule: "cron(0 7 ? * MON-FRI *)",
          Timezone: "Europe/London",
          ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 4 },
        },
        {
          ScheduledActionName: "WorkdayEnds",
          Schedule: "cron(0 19 ? * MON-FRI *)",
          Timezone: "Europe/London",
          ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 0 },
        },
      ],
    });
    // Requests reach the provisioned sandboxes only through the alias, which alone may be invoked.
    warm.hasResourceProperties("AWS::ApiGatewayV2::Integration", { IntegrationUri: { Ref: alias.id } });
    const apiPermissions = resources("AWS::Lambda::Permission", warm).filter(
      (p) => p.Properties.Principal === "apigateway.amazonaws.com" && JSON.stringify(p).includes("ApiHttp"),
    );
    expect(apiPermissions.map((p) => p.Properties.FunctionName)).toEqual([{ Ref: alias.id }]);
    // Weekdays 07:00 to 19:00 only by default, in UTC.
    const byDefault = await synth("dev", { warm: { sandboxes: 1 } });
    byDefault.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
      ScheduledActions: Match.arrayWith([
        Match.objectLike({ Schedule: "cron(0 7 ? * MON-FRI *)", Timezone: "UTC" }),
      ]),
    });
  }, 60_000);

  it("keeps one warm sandbox each for $connect and $default through the same hours: a sign-in's socket meets no cold start", async () => {
    const warm = await synth("prod", { warm: { sandboxes: 4, hours: "MON-FRI 07-19 Europe/London" } });
    const integrations = resources("AWS::ApiGatewayV2::Integration", warm).map(
      (i) => i.Properties.IntegrationUri,
    );
    for (const entry of ["ws-connect", "ws-default"]) {
      const { alias, target } = warmOf(warm, entry);
      expect(alias.Properties.Name).toBe("live");
      expect(target.Properties).toMatchObject({ MinCapacity: 0, MaxCapacity: 1 });
      expect(target.Properties.ScheduledActions).toEqual([
        expect.objectContaining({
          Schedule: "cron(0 7 ? * MON-FRI *)",
          Timezone: "Europe/London",
          ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 1 },
        }),
        expect.objectContaining({
          Schedule: "cron(0 19 ? * MON-FRI *)",
          ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 0 },
        }),
      ]);
      // The WebSocket API invokes the alias, and only the alias may be invoked by it.
      expect(JSON.stringify(integrations)).toContain(alias.id);
      const permissions = resources("AWS::Lambda::Permission", warm).filter((p) =>
        JSON.stringify(p.Properties.FunctionName).includes(alias.id),
      );
      expect(permissions.map((p) => p.Properties.Principal)).toEqual(["apigateway.amazonaws.com"]);
    }
    // Nobody waits on $disconnect: it has no alias and is invoked on demand.
    expect(Object.keys(warm.findResources("AWS::Lambda::Alias"))).toHaveLength(3);
    expect(JSON.stringify(integrations)).toContain(
      `{"Fn::GetAtt":["${functionId(warm, "ws-disconnect")}","Arn"]}`,
    );
  }, 60_000);

  it("refuses warm settings it cannot schedule, naming the setting", async () => {
    for (const sandboxes of [0, 21, 2.5, Number.NaN])
      await expect(synth("dev", { warm: { sandboxes } })).rejects.toThrow(
        /WARM_SANDBOXES must be a whole number/,
      );
    for (const hours of [
      "MON-FRI 07-19",
      "MON-FRY 07-19 UTC",
      "MON-FRI 19-07 UTC",
      "MON-FRI 07-24 UTC",
      "MON-FRI 7:30-19 UTC",
      "MON-FRI 07-19 Mars/Olympus",
      "MON-FRI 07-19 UTC extra",
    ])
      await expect(synth("dev", { warm: { sandboxes: 2, hours } })).rejects.toThrow(/^WARM_HOURS "/);
  }, 60_000);

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

  it("serves the SPA over HTTPS from the bucket's REST endpoint, with no website endpoint and no CloudFront", () => {
    const site = siteBucket();
    expect(site.Properties.WebsiteConfiguration).toBeUndefined();
    const cloudfront = Object.keys(template.toJSON().Resources).filter((id) =>
      template.toJSON().Resources[id].Type.startsWith("AWS::CloudFront::"),
    );
    expect(cloudfront).toEqual([]);
    const variables = functions().http?.Properties.Environment.Variables;
    const origin = `https://<${site.id}.RegionalDomainName>`;
    expect(rendered(variables.PUBLIC_URL)).toBe(`${origin}/index.html`);
    expect(rendered(variables.CORS_ORIGINS)).toBe(origin);
    for (const fn of Object.values(functions())) {
      expect(rendered(fn.Properties.Environment.Variables.PUBLIC_URL)).toMatch(/^https:\/\//);
      expect(rendered(fn.Properties.Environment.Variables.CORS_ORIGINS)).toMatch(/^https:\/\//);
    }
    const [http] = resources("AWS::ApiGatewayV2::Api").filter((a) => a.Properties.ProtocolType === "HTTP");
    expect(http?.Properties.CorsConfiguration.AllowOrigins.map(rendered)).toEqual([origin]);
    const uploads = resources("AWS::S3::Bucket").find((b) => b.Properties.CorsConfiguration);
    expect(uploads?.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins.map(rendered)).toEqual([origin]);
  });

  it("lets anyone read the SPA's files, only over TLS, and nothing more: no listing, no writing", () => {
    const site = siteBucket();
    const [policy] = resources("AWS::S3::BucketPolicy").filter((p) => p.Properties.Bucket.Ref === site.id);
    const statements = policy?.Properties.PolicyDocument.Statement as Record<string, any>[];
    const toAnyone = statements.filter((s) => JSON.stringify(s.Principal) === JSON.stringify({ AWS: "*" }));
    expect(toAnyone.filter((s) => s.Effect === "Allow").map((s) => [s.Action, rendered(s.Resource)])).toEqual(
      [["s3:GetObject", `<${site.id}.Arn>/*`]],
    );
    expect(toAnyone.filter((s) => s.Effect === "Deny")).toEqual([
      expect.objectContaining({ Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    ]);
  });

  it("deploys hashed assets as immutable for a year, index.html revalidated and config.json never stored", async () => {
    const deployments = resources("Custom::CDKBucketDeployment").map((d) => d.Properties);
    const immutable = "public, max-age=31536000, immutable";
    const byCaching = deployments.map((d) => ({
      metadata: d.SystemMetadata,
      include: d.Include,
      exclude: d.Exclude,
      prune: d.Prune,
    }));
    // Only the shell prunes: a tab still on the previous build finds its lazy chunks.
    expect(byCaching).toEqual(
      expect.arrayContaining([
        { metadata: { "cache-control": immutable, "content-encoding": "gzip" }, prune: false },
        { metadata: { "cache-control": immutable }, prune: false },
        { metadata: { "cache-control": "no-cache" }, exclude: ["assets/*", "config.json"], prune: true },
        { metadata: { "cache-control": "no-cache, no-store" }, prune: false },
      ]),
    );
    expect(byCaching).toHaveLength(4);
    // The never-cached deployment uploads config.json alone, holding this stage's API URL.
    const config = deployments.find((d) => d.SystemMetadata["cache-control"] === "no-cache, no-store");
    const staged = stagedDir(config);
    expect(await readdir(staged)).toEqual(["config.json"]);
    // Deploy-time values travel as markers the deployment fills in (here: rendered references).
    const [marker = "", value] = Object.entries(config?.SourceMarkers[0] ?? {})[0] ?? [];
    const text = (await readFile(join(staged, "config.json"), "utf8")).replace(marker, rendered(value));
    expect(JSON.parse(text)).toEqual({
      apiUrl: expect.stringMatching(/^<ApiHttp\w+\.ApiEndpoint>$/),
      stage: "dev",
    });
  });

  it("stores the build's scripts and styles gzipped, since S3 without CloudFront sends objects as stored, and images as built", async () => {
    const assetsOf = async (metadata: Record<string, string>) => {
      const deployment = resources("Custom::CDKBucketDeployment")
        .map((d) => d.Properties)
        .find((d) => JSON.stringify(d.SystemMetadata) === JSON.stringify(metadata));
      const dir = join(stagedDir(deployment), "assets");
      const files = await readdir(dir);
      return Object.fromEntries(
        await Promise.all(files.map(async (f) => [`assets/${f}`, await readFile(join(dir, f))] as const)),
      );
    };
    const immutable = "public, max-age=31536000, immutable";
    const gzipped = await assetsOf({ "cache-control": immutable, "content-encoding": "gzip" });
    expect(Object.keys(gzipped).sort()).toEqual(["assets/index-3f2a.js", "assets/index-9c1e.css"]);
    for (const [key, stored] of Object.entries(gzipped)) {
      expect(gunzipSync(stored).toString()).toBe(BUILT_SITE[key]);
      expect(stored.length).toBeLessThan(String(BUILT_SITE[key]).length / 3);
    }
    const asBuilt = await assetsOf({ "cache-control": immutable });
    expect(asBuilt).toEqual({
      "assets/photo-77b0.png": Buffer.from(BUILT_SITE["assets/photo-77b0.png"] as Uint8Array),
    });
  });

  it("publishes a new index.html only once the assets and config.json it needs are in place", () => {
    const all = Object.entries(template.findResources("Custom::CDKBucketDeployment"));
    const idsOf = (cacheControl: string) =>
      all.filter(([, d]) => d.Properties.SystemMetadata["cache-control"] === cacheControl).map(([id]) => id);
    const [shell] = idsOf("no-cache").map((id) => template.toJSON().Resources[id]);
    const needed = [...idsOf("public, max-age=31536000, immutable"), ...idsOf("no-cache, no-store")];
    expect(needed).toHaveLength(3);
    expect(shell?.DependsOn).toEqual(expect.arrayContaining(needed));
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

  it("versions uploads, so an overwritten or deleted file can be restored for 30 days", () => {
    const uploads = resources("AWS::S3::Bucket").find((b) => b.Properties.CorsConfiguration);
    expect(uploads?.Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(uploads?.Properties.LifecycleConfiguration.Rules).toContainEqual({
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      ExpiredObjectDeleteMarker: true,
      Status: "Enabled",
    });
  });

  it("sweeps staged uploads, which complete has copied out or nobody completed, after a day", () => {
    const uploads = resources("AWS::S3::Bucket").find((b) => b.Properties.CorsConfiguration);
    // A folder of its own: an empty prefix would sweep every kept file with the staged ones.
    expect(STAGING_PREFIX).toMatch(/^[a-z]+\/$/);
    expect(uploads?.Properties.LifecycleConfiguration.Rules).toContainEqual({
      Prefix: STAGING_PREFIX,
      ExpirationInDays: 1,
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      Status: "Enabled",
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

  it("starts each function's Node as the cold-start benchmark does: no NODE_OPTIONS", () => {
    // The bundles carry no source maps, so --enable-source-maps did nothing (with maps shipped, Node
    // reads them at every cold start). A flag here would also be a cold start bench/ never measured.
    const app = resources("AWS::Lambda::Function").filter((f) => f.Properties.Environment?.Variables?.STAGE);
    for (const fn of app) expect(fn.Properties.Environment.Variables).not.toHaveProperty("NODE_OPTIONS");
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

  it("lets only the functions given a secret read exactly that secret's value", () => {
    const secretArn = (name: string) => ({
      "Fn::Join": [
        "",
        [
          "arn:",
          { Ref: "AWS::Partition" },
          `:secretsmanager:eu-west-1:123456789012:secret:rehome/dev/${name}-??????`,
        ],
      ],
    });
    const secretReads = (entry: string) =>
      statementsOf(entry).filter((s) => [s.Action].flat().some((a) => a.startsWith("secretsmanager:")));
    expect(secretReads("agent-worker")).toEqual([
      { Action: "secretsmanager:GetSecretValue", Effect: "Allow", Resource: secretArn("anthropic-api-key") },
      { Action: "secretsmanager:GetSecretValue", Effect: "Allow", Resource: secretArn("resend-api-key") },
    ]);
    expect(secretReads("http")).toEqual([
      { Action: "secretsmanager:GetSecretValue", Effect: "Allow", Resource: secretArn("resend-api-key") },
    ]);
    for (const entry of [
      "ws-connect",
      "ws-disconnect",
      "ws-default",
      "agent-dead-letters",
      "digest-schedule",
    ]) {
      expect(secretReads(entry)).toEqual([]);
    }
    const worker = functions()["agent-worker"]?.Properties.Environment.Variables;
    expect(worker.ANTHROPIC_API_KEY_SECRET_ARN).toEqual({
      "Fn::Join": [
        "",
        [
          "arn:",
          { Ref: "AWS::Partition" },
          ":secretsmanager:eu-west-1:123456789012:secret:rehome/dev/anthropic-api-key",
        ],
      ],
    });
  });

  it("traces every function with X-Ray, so cold starts and slow calls show per request", () => {
    const all = Object.entries(functions());
    expect(all.map(([entry]) => entry).sort()).toEqual([...ENTRIES].sort());
    for (const [, fn] of all) expect(fn.Properties.TracingConfig).toEqual({ Mode: "Active" });
  });

  it("switches the agent off on every function when deployed with the emergency switch", async () => {
    const switchedOff = await synth("dev", { agentEnabled: false });
    for (const fn of Object.values(functions(switchedOff))) {
      expect(fn.Properties.Environment.Variables.AI_ENABLED).toBe("false");
    }
    for (const fn of Object.values(functions()))
      expect(fn.Properties.Environment.Variables.AI_ENABLED).toBe("true");
  });

  it("gives every function the model and price settings deployed with, for switching models", async () => {
    const aiSettings = { AI_MODEL: "claude-opus-5", AI_FALLBACK_MODEL: "claude-haiku-5" };
    for (const fn of Object.values(functions(await synth("dev", { aiSettings }))))
      expect(fn.Properties.Environment.Variables).toMatchObject(aiSettings);
    for (const fn of Object.values(functions()))
      expect(fn.Properties.Environment.Variables).not.toHaveProperty("AI_MODEL");
  });

  it("names the Anthropic provider on every function, so health reports what the worker uses", () => {
    for (const fn of Object.values(functions()))
      expect(fn.Properties.Environment.Variables.AI_PROVIDER).toBe("anthropic");
  });

  it("schedules the daily and weekly digests", () => {
    const rules = resources("AWS::Events::Rule")
      .map((r) => r.Properties.ScheduleExpression)
      .sort();
    expect(rules).toEqual(["cron(0 7 * * ? *)", "cron(0 7 ? * MON *)"]);
  });

  it("has a dashboard with every widget the runbook names, each charting the metrics it is named for", () => {
    const perFunction = (name: string) => ENTRIES.map(() => name);
    const perTable = (...names: string[]) => [...names, ...names];
    const charted = Object.fromEntries(
      dashboardWidgets().map((w) => [w.properties.title, w.properties.metrics.map((m) => m[1])]),
    );
    expect(charted).toEqual({
      "API requests": ["Count"],
      "API 4xx / 5xx": ["4xx", "5xx"],
      "API latency p95": ["Latency"],
      "WebSocket connections and messages": ["ConnectCount", "MessageCount"],
      "WebSocket errors": ["IntegrationError", "ExecutionError", "ClientError"],
      "Lambda errors": perFunction("Errors"),
      "Lambda duration p95": perFunction("Duration"),
      "Lambda throttles": perFunction("Throttles"),
      "Lambda concurrency": perFunction("ConcurrentExecutions"),
      "SQS age of oldest message": ["ApproximateAgeOfOldestMessage"],
      "DLQ depth": ["ApproximateNumberOfMessagesVisible"],
      "DynamoDB throttles and consumed capacity": [
        ...perTable("ReadThrottleEvents", "WriteThrottleEvents"),
        ...perTable("ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits"),
      ],
      "Token latency p95 (ms)": ["TokenLatencyMs"],
      "Socket messages per answer": ["SocketMessagesPerAnswer"],
      "Agent runs by status": ["AgentRuns", "AgentRuns", "AgentRuns", "AgentRuns"],
      "Agent cost (cents)": ["CostCents"],
      "Budget blocks": ["BudgetBlocks"],
      "Gone connections cleaned (410)": ["GoneConnectionsCleaned"],
      "DLQ sends": ["DlqSends"],
      "Provider circuit open, fallbacks": ["CircuitOpen", "ModelFallbacks"],
      "Stuck answers failed": ["StuckAnswersFailed"],
    });
  });

  it("charts the code's EMF metrics under the exact dimensions Powertools writes them with", () => {
    // A dashboard row is [namespace, name, dimension, value, …, options].
    const dimensions = (row: unknown[]) => {
      const pairs = row.slice(2).filter((v) => typeof v === "string") as string[];
      return Object.fromEntries(pairs.flatMap((v, i) => (i % 2 === 0 ? [[v, pairs[i + 1]]] : [])));
    };
    const product = dashboardWidgets()
      .flatMap((w) => w.properties.metrics)
      .filter((m) => m[0] === "ReHome");
    expect(product.length).toBeGreaterThanOrEqual(11);
    for (const metric of product) expect(dimensions(metric)).toMatchObject({ service: "rehome" });
    const statuses = product.filter((m) => m[1] === "AgentRuns").map((m) => dimensions(m).Status);
    expect(statuses.sort()).toEqual(["cancelled", "completed", "failed", "timed_out"]);
    expect(product.find((m) => m[1] === "TokenLatencyMs")?.at(-1)).toMatchObject({ stat: "p95" });
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
      WsIntegrationErrors: 10,
      WsExecutionErrors: 0,
      StuckAnswersFailed: 0,
    });
    for (const alarm of Object.values(alarms)) {
      expect(alarm.AlarmActions).toHaveLength(1);
      expect(alarm.ComparisonOperator).toBe("GreaterThanThreshold");
    }
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "ops@example.com",
    });
  });

  it("watches the metric each alarm is named for", () => {
    const alarms = Object.fromEntries(
      resources("AWS::CloudWatch::Alarm").map((a) => [
        String(a.Properties.AlarmName).replace("rehome-dev-", ""),
        a.Properties,
      ]),
    );
    const watched = (name: string) => {
      const { Namespace, MetricName, Statistic, ExtendedStatistic, Dimensions } = alarms[name] ?? {};
      return { Namespace, MetricName, Statistic: Statistic ?? ExtendedStatistic, Dimensions };
    };
    const service = [{ Name: "service", Value: "rehome" }];
    expect(watched("DlqNotEmpty")).toMatchObject({
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Statistic: "Maximum",
    });
    expect(watched("WorkerErrors")).toMatchObject({ Namespace: "AWS/Lambda", MetricName: "Errors" });
    expect(watched("WorkerErrors").Dimensions[0].Value.Ref).toMatch(/^Functionsagentworker/);
    expect(watched("QueueAge")).toMatchObject({
      Namespace: "AWS/SQS",
      MetricName: "ApproximateAgeOfOldestMessage",
    });
    expect(watched("TokenLatencyP95")).toEqual({
      Namespace: "ReHome",
      MetricName: "TokenLatencyMs",
      Statistic: "p95",
      Dimensions: service,
    });
    expect(watched("BudgetBlocksSpike")).toEqual({
      Namespace: "ReHome",
      MetricName: "BudgetBlocks",
      Statistic: "Sum",
      Dimensions: service,
    });
    expect(watched("StuckAnswersFailed")).toEqual({
      Namespace: "ReHome",
      MetricName: "StuckAnswersFailed",
      Statistic: "Sum",
      Dimensions: service,
    });
    const rate = alarms.Api5xxRate?.Metrics as {
      Expression?: string;
      MetricStat?: { Metric: { MetricName: string } };
    }[];
    expect(rate.find((m) => m.Expression)?.Expression).toBe("100 * errors / MAX([requests, 1])");
    expect(rate.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : [])).sort()).toEqual([
      "5xx",
      "Count",
    ]);
  });

  it("alarms on the WebSocket stage's integration and execution errors to the same topic, and charts them", () => {
    const [wsApi] = Object.entries(template.findResources("AWS::ApiGatewayV2::Api")).find(
      ([, api]) => api.Properties.ProtocolType === "WEBSOCKET",
    ) ?? [""];
    const stage = [
      { Name: "ApiId", Value: { Ref: wsApi } },
      { Name: "Stage", Value: "dev" },
    ];
    const alarms = resources("AWS::CloudWatch::Alarm").map((a) => a.Properties);
    const named = (name: string) => alarms.find((a) => a.AlarmName === `rehome-dev-${name}`);
    for (const [name, metricName, threshold] of [
      ["WsIntegrationErrors", "IntegrationError", 10],
      ["WsExecutionErrors", "ExecutionError", 0],
    ] as const) {
      expect(named(name)).toMatchObject({
        Namespace: "AWS/ApiGateway",
        MetricName: metricName,
        Statistic: "Sum",
        Period: 300,
        Dimensions: stage,
        Threshold: threshold,
        ComparisonOperator: "GreaterThanThreshold",
        AlarmActions: named("DlqNotEmpty")?.AlarmActions,
      });
    }
    const widget = dashboardWidgets().find((w) => w.properties.title === "WebSocket errors");
    for (const row of widget?.properties.metrics ?? []) {
      expect(row.slice(0, 6)).toEqual(["AWS/ApiGateway", row[1], "ApiId", `ref:${wsApi}`, "Stage", "dev"]);
    }
  });
});
