// The rehearsal of a deploy: synthesizes the stage with buildReHome, runs every function of the
// template from its bundle in its own sandboxes, wires routes, queues and schedules from the
// template, and puts an IAM check in front of every local endpoint, answering AccessDenied as AWS
// does. Used by `npm run rehearse` (rehearse.ts), tests/rehearsal and the least-privilege report.
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import { REGION } from "../account";
import type { Authorize } from "../authorize";
import { startDynamoLocal } from "../dynamodb";
import { type Behaviour, startFakeAnthropic } from "../fake-anthropic";
import { startGateway, type WebSocketEvent } from "../gateway";
import { startHttp } from "../http";
import { startMail } from "../mail";
import { S3_CREDENTIALS, startS3 } from "../s3";
import { startSecretsManager } from "../secrets";
import { startSqs } from "../sqs/server";
import { startDynamoFront } from "./dynamodb-front";
import { discoverFunctions } from "./functions";
import { type Call, createGuard, type Guard } from "./guard";
import { httpApi } from "./http-api";
import { rolesOf } from "./iam";
import { type FunctionHost, hostFunction } from "./lambda/host";
import { buildRuntime, nodeFor } from "./lambda/node";
import { localizer, networkEnvironment } from "./network";
import { invokePermissions } from "./permissions";
import { createQueues, startMappings } from "./queues";
import { formatReport } from "./report";
import { resolver } from "./resolve";
import { apisOf } from "./routes";
import { startSchedules } from "./schedules";
import { createTables } from "./tables";
import { synthesize, type Template } from "./template";
import { webSocketHandlers } from "./websocket-api";

const ROOT = resolvePath(import.meta.dirname, "../../../..");
/** Sandboxes per function when the template reserves no concurrency: enough for a few browsers. */
const LOCAL_CONCURRENCY = 4;

export interface RehearsalOptions {
  /** The SPA + HTTP API port; the stand-ins take the next five, as with `npm start`. 0 = random ports. */
  port?: number;
  stage?: string;
  bundleDir?: string;
  webDist?: string;
  /** Where the cloud assembly, the runtime shim and the function logs go (inside the repository). */
  outDir?: string;
  /** Reuse a running DynamoDB Local (tests share one JVM) instead of starting one. */
  dynamoEndpoint?: string;
  /** Prefix of physical names; default the stack name. Tests use a random one. */
  prefix?: string;
  /** Changes the synthesized template before it is rehearsed (a test removes a grant). */
  edit?(template: Template): void;
  /** What the fake Anthropic answers (the deployed stage always uses Anthropic). */
  answer?: Behaviour;
  /** Where denials, failed invocations and notes are printed; default console.warn. */
  log?(line: string): void;
}

export type Rehearsal = Awaited<ReturnType<typeof startRehearsal>>;

const portAt = (base: number | undefined, offset: number) => (base ? base + offset : 0);

export async function startRehearsal(options: RehearsalOptions = {}) {
  const log = options.log ?? ((line: string) => console.warn(line));
  const stage = options.stage ?? "rehearsal";
  const outDir = resolvePath(options.outDir ?? join(ROOT, ".build", "rehearsal"));
  const webDist = options.webDist ?? join(ROOT, "web", "dist");
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const synthesized = await synthesize({
      stage,
      bundleDir: options.bundleDir ?? join(ROOT, ".build", "lambdas"),
      webDist,
      outDir: join(outDir, "cdk.out"),
    });
    const { template, stackName } = synthesized;
    options.edit?.(template);

    // Every endpoint asks the guard, which exists once the roles are known (before any call).
    let guard: Guard | undefined;
    const authorize: Authorize = (request) =>
      guard ? guard.authorize(request) : "the rehearsal is starting";
    const sqsServer = await startSqs({ port: portAt(options.port, 3), authorize });
    stops.push(sqsServer.stop);
    const names = resolver(template, {
      stackName,
      prefix: options.prefix ?? stackName,
      sqsEndpoint: sqsServer.endpoint,
    });
    const roles = rolesOf(template, names.resolve);

    const dynamo = options.dynamoEndpoint
      ? { endpoint: options.dynamoEndpoint, stop: async () => undefined }
      : await startDynamoLocal({});
    stops.push(dynamo.stop);
    const dynamoFront = await startDynamoFront({
      port: portAt(options.port, 5),
      target: dynamo.endpoint,
      authorize,
    });
    stops.push(dynamoFront.stop);
    const mail = await startMail({ port: portAt(options.port, 4) });
    stops.push(mail.stop);
    const secrets = await startSecretsManager({ authorize });
    stops.push(secrets.stop);
    const anthropic = await startFakeAnthropic(options.answer);
    stops.push(anthropic.stop);

    const apis = apisOf(template, names.resolve, names.physical);
    const webSocketApis = apis.filter((api) => api.protocol === "WEBSOCKET");
    const httpApis = apis.filter((api) => api.protocol === "HTTP");
    if (webSocketApis.length > 1 || httpApis.length > 1)
      throw new Error("the rehearsal serves one HTTP API and one WebSocket API");
    let onSocketEvent:
      | Record<"connect" | "disconnect" | "default", (e: WebSocketEvent) => Promise<any>>
      | undefined;
    const gateway = await startGateway({
      port: portAt(options.port, 1),
      stage: webSocketApis[0]?.stage,
      apiId: webSocketApis[0]?.id,
      authorize,
      handlers: {
        connect: (event) => onSocketEvent?.connect(event) ?? Promise.resolve({ statusCode: 503 }),
        disconnect: (event) => onSocketEvent?.disconnect(event) ?? Promise.resolve(undefined),
        default: (event) => onSocketEvent?.default(event) ?? Promise.resolve(undefined),
      },
    });
    stops.push(gateway.stop);
    const http = await startHttp({ port: options.port ?? 0, webDist, siteConfig: { apiUrl: "", stage } });
    stops.push(http.stop);
    const appUrl = options.port ? `http://localhost:${options.port}` : http.url;

    const siteBuckets = siteBucketsOf(template, names.resolve);
    const endpoints = {
      app: appUrl,
      gateway: gateway.managementEndpoint,
      s3: "",
      sqs: sqsServer.endpoint,
      dynamodb: dynamoFront.endpoint,
      secretsManager: secrets.endpoint,
      mail: mail.baseUrl,
      anthropic: anthropic.url,
    };
    const hosted = {
      httpApis: httpApis.map((a) => a.id),
      webSocketApis: webSocketApis.map((a) => a.id),
      siteBuckets,
    };
    const network = () => networkEnvironment(endpoints);
    const localize = (value: string) => localizer(endpoints, hosted)(value);

    // The S3 stand-in needs the functions' keys, and the functions need its endpoint: keys first.
    const discovered = () =>
      discoverFunctions({
        template,
        resolve: names.resolve,
        localize,
        network: network(),
        roles,
        assetDir: synthesized.assetDir,
      });
    const principals = discovered().functions.map((f) => f.principal);
    guard = createGuard({
      principals,
      operatorKey: S3_CREDENTIALS.accessKeyId,
      onDenial: (call) =>
        log(`[iam] AccessDenied: ${call.function} may not ${call.action} on ${call.resource}`),
    });
    const s3 = await startS3({
      port: portAt(options.port, 2),
      directory: await mkdtemp(join(tmpdir(), "rehome-rehearsal-s3-")),
      buckets: bucketsOf(template, names.resolve).filter((b) => !siteBuckets.includes(b)),
      corsOrigins: loopbackTwins(corsOriginsOf(template, names.resolve).map(localize)),
      credentials: principals.map((p) => p.credentials),
      authorize,
    });
    stops.push(s3.stop);
    endpoints.s3 = s3.endpoint;
    const { functions, skipped } = discovered();

    const operator = { region: REGION, credentials: S3_CREDENTIALS };
    await createTables(
      template,
      names.resolve,
      new DynamoDBClient({ ...operator, endpoint: dynamo.endpoint }),
    );
    for (const f of functions)
      for (const [variable, arn] of Object.entries(f.spec.environment))
        if (variable.endsWith("_SECRET_ARN"))
          secrets.put(secretName(arn), `rehearsal-${variable.toLowerCase()}`);

    await mkdir(join(outDir, "logs"), { recursive: true });
    const runtimeFile = await buildRuntime(outDir);
    const notes = skipped.map((s) => `not rehearsed: ${s}`);
    const logLines = new Map<string, string[]>();
    const hosts = functions.map(({ spec }) => {
      const { node, note } = nodeFor(spec.runtime);
      if (note && !notes.includes(note)) notes.push(note);
      const file = createWriteStream(join(outDir, "logs", `${spec.logicalId}.log`));
      stops.push(() => new Promise((resolve) => file.end(resolve)));
      const lines: string[] = [];
      logLines.set(spec.name, lines);
      return hostFunction(
        { ...spec, concurrency: spec.reservedConcurrency ?? LOCAL_CONCURRENCY },
        {
          node,
          runtimeFile,
          onLog: (line) => {
            lines.push(line);
            if (lines.length > 2000) lines.shift();
            file.write(`${line}\n`);
          },
          onFailure: (error) => log(`[${spec.name}] ${error.errorType}: ${error.message}`),
        },
      );
    });
    stops.push(() => Promise.all(hosts.map((h) => h.stop())));
    await Promise.all(hosts.map((h) => h.warm()));

    const functionOf = (nameOrArn: string): FunctionHost | undefined =>
      hosts.find((h) => h.spec.arn === nameOrArn || h.spec.name === nameOrArn);
    const mayInvoke = invokePermissions(template, names.resolve);
    const onRefused = (functionName: string, sourceArn: string) => {
      const call: Call = { function: functionName, action: "lambda:InvokeFunction", resource: sourceArn };
      guard?.denials.push(call);
      log(`[lambda] ${sourceArn} may not invoke ${functionName}: no AWS::Lambda::Permission allows it`);
    };
    const wiring = { functionOf, mayInvoke, onRefused };
    if (httpApis[0]) http.mount({ fetch: httpApi({ ...wiring, api: httpApis[0] }) }, []);
    if (webSocketApis[0]) onSocketEvent = webSocketHandlers({ ...wiring, api: webSocketApis[0] });

    await createQueues(template, names.resolve, new SQSClient({ ...operator, endpoint: sqsServer.endpoint }));
    const onError = (functionName: string, error: unknown) =>
      log(`[${functionName}] ${(error as Error).name}: ${(error as Error).message}`);
    const pollers = startMappings(template, names.resolve, {
      sqsEndpoint: sqsServer.endpoint,
      functionOf,
      principalOf: (host) => principals.find((p) => p.logicalId === host.spec.logicalId) ?? principals[0]!,
      allows: (principal, action, resource) => guard?.allows(principal, action, resource) ?? false,
      onError,
    });
    stops.push(() => Promise.all(pollers.map((p) => p.stop())));
    const schedules = startSchedules(template, names.resolve, { ...wiring, onError });
    stops.push(schedules.stop);

    const seedEnvironment = {
      ...(functions.find((f) => f.spec.environment.DATA_TABLE)?.spec.environment ?? {}),
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
      // The demo refuses any stage but local: the operator seeds the local tables, not the stage.
      STAGE: "local",
    };
    const label = labeller(template, names.physical);
    const activeGuard = guard;
    return {
      url: appUrl,
      wsUrl: gateway.url,
      mailUrl: mail.baseUrl,
      stackName,
      template,
      functions: hosts.map((h) => ({ logicalId: h.spec.logicalId, name: h.spec.name, arn: h.spec.arn })),
      schedules: schedules.schedules,
      notes,
      denials: activeGuard.denials,
      get used() {
        return activeGuard.used;
      },
      logsOf: (functionName: string) => [...(logLines.get(functionName) ?? [])],
      fire: schedules.fire,
      fakeAnthropic: anthropic,
      /** Seeds the demo data as the operator, in this process (core's config reads process.env once). */
      async seedDemo() {
        Object.assign(process.env, seedEnvironment);
        const { Demo } = await import("@rehome/core/demo");
        return Demo.seed();
      },
      report: () => formatReport(principals, activeGuard.used, label),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Buckets the SPA is deployed to (a BucketDeployment's destination, or a website bucket). */
function siteBucketsOf(template: Template, resolve: (value: unknown) => unknown) {
  return Object.entries(template.Resources).flatMap(([id, r]) => {
    if (r.Type === "Custom::CDKBucketDeployment")
      return [String(resolve(r.Properties?.DestinationBucketName))];
    if (r.Type === "AWS::S3::Bucket" && r.Properties?.WebsiteConfiguration)
      return [String(resolve({ Ref: id }))];
    return [];
  });
}

const bucketsOf = (template: Template, resolve: (value: unknown) => unknown) =>
  Object.entries(template.Resources)
    .filter(([, r]) => r.Type === "AWS::S3::Bucket")
    .map(([id]) => String(resolve({ Ref: id })));

/** Every origin some bucket's CORS rules allow, resolved. */
const corsOriginsOf = (template: Template, resolve: (value: unknown) => unknown) =>
  Object.values(template.Resources)
    .filter((r) => r.Type === "AWS::S3::Bucket")
    .flatMap(
      (r) => resolve(r.Properties?.CorsConfiguration?.CorsRules ?? []) as { AllowedOrigins?: string[] }[],
    )
    .flatMap((rule) => rule.AllowedOrigins ?? []);

/** localhost and 127.0.0.1 are one machine seen two ways: a browser may use either. */
const loopbackTwins = (origins: string[]) => [
  ...new Set(
    origins.flatMap((o) => [
      o,
      o.replace("//localhost:", "//127.0.0.1:"),
      o.replace("//127.0.0.1:", "//localhost:"),
    ]),
  ),
];

/** `arn:aws:secretsmanager:…:secret:rehome/dev/x` (CDK's partial ARN) → `rehome/dev/x`. */
const secretName = (arn: string) => arn.replace(/^arn:aws:secretsmanager:[^:]+:\d+:secret:/, "");

/** Replaces physical names and the fake account's ARN prefixes with logical ids, for a report that reads the same on every run. */
function labeller(template: Template, physical: (id: string) => string) {
  // Only generated names (they end with the logical id) and API ids: a stage name such as
  // "rehearsal" also appears inside other names.
  const pairs = Object.entries(template.Resources)
    .map(([id, r]) => [physical(id), id, r.Type] as const)
    .filter(
      ([name, id, type]) =>
        name.toLowerCase().endsWith(id.toLowerCase()) || type === "AWS::ApiGatewayV2::Api",
    )
    .map(([name, id]) => [name, id] as const)
    .sort((a, b) => b[0].length - a[0].length);
  return (value: string) => {
    let text = value.replace(/^arn:aws:[a-z0-9-]+:[a-z0-9-]*:\d*:/, "");
    for (const [name, id] of pairs) text = text.replaceAll(name, id);
    return text;
  };
}
