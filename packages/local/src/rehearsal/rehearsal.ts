// The rehearsal of a deploy: synthesizes the stage with buildReHome, runs every function of the
// template from its bundle in its own sandboxes, wires routes, queues and schedules from the
// template, and puts an IAM check in front of every local endpoint, answering AccessDenied as AWS
// does. Used by `npm run rehearse` (rehearse.ts) and tests/rehearsal.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SQSClient } from "@aws-sdk/client-sqs";
import type { WarmHours } from "@rehome/infra/warm";
import { REGION } from "../account";
import type { Authorize } from "../authorize";
import { startDynamoLocal } from "../dynamodb";
import { type Behaviour, startFakeAnthropic } from "../fake-anthropic";
import { type GatewayOptions, startGateway } from "../gateway";
import { startHttp } from "../http";
import { startMail } from "../mail";
import { S3_CREDENTIALS, startS3 } from "../s3";
import { startSecretsManager } from "../secrets";
import { startSqs } from "../sqs/server";
import { bucketsOf } from "./buckets";
import { startDynamoFront } from "./dynamodb-front";
import { discoverFunctions, secretsReferenced } from "./functions";
import { type Call, createGuard } from "./guard";
import { startHosts } from "./hosts";
import { httpApi } from "./http-api";
import { rolesOf } from "./iam";
import { localizer, loopbackTwins, networkEnvironment } from "./network";
import { invokePermissions } from "./permissions";
import { createQueues, startMappings } from "./queues";
import { formatReport, labeller } from "./report";
import { resolver } from "./resolve";
import { apisOf } from "./routes";
import { startSchedules } from "./schedules";
import { siteObjectsOf } from "./site";
import { createTables } from "./tables";
import { synthesize, type Template } from "./template";
import { webSocketHandlers } from "./websocket-api";

const ROOT = resolvePath(import.meta.dirname, "../../../..");
const ANSWER: Behaviour = {
  kind: "answer",
  text: "This answer comes from the rehearsal's stand-in for Anthropic. The question went through the deployed http function, the agent queue and the worker under their own roles, and every word reached you through the @connections API.",
  tokensPerSec: 40,
};

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
  /** Warm hours (WARM_SANDBOXES, WARM_HOURS): the API invokes an alias whose provisioned sandboxes start with the rehearsal. */
  warm?: WarmHours;
  /** Changes the synthesized template before it is rehearsed (a test removes a grant). */
  edit?(template: Template): void;
  /** What the stand-in for Anthropic answers (a deployed stage always asks Anthropic). */
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
  const started = <T extends { stop(): Promise<unknown> }>(service: T) => {
    stops.push(() => service.stop());
    return service;
  };
  try {
    const { template, stackName, assetDir } = await synthesize({
      stage,
      bundleDir: options.bundleDir ?? join(ROOT, ".build", "lambdas"),
      webDist,
      outDir: join(outDir, "cdk.out"),
      warm: options.warm,
    });
    options.edit?.(template);

    // Every endpoint asks the guard, which exists as soon as the roles are known, before any call.
    let guard: ReturnType<typeof createGuard> | undefined;
    const authorize: Authorize = (request) =>
      guard ? guard.authorize(request) : "the rehearsal is starting";
    const sqs = started(await startSqs({ port: portAt(options.port, 3), authorize }));
    const names = resolver(template, {
      stackName,
      prefix: options.prefix ?? stackName,
      sqsEndpoint: sqs.endpoint,
    });
    const roles = rolesOf(template, names.resolve);
    const discover = (localize: (value: string) => string, network: Record<string, string>) =>
      discoverFunctions({ template, resolve: names.resolve, localize, network, roles, assetDir });
    // Resolving every variable first stops a broken template before anything else starts.
    const principals = discover((value) => value, {}).functions.map((f) => f.principal);
    guard = createGuard({
      principals,
      operatorKey: S3_CREDENTIALS.accessKeyId,
      onDenial: (call) =>
        log(`[iam] AccessDenied: ${call.function} may not ${call.action} on ${call.resource}`),
    });

    const dynamo = started(
      options.dynamoEndpoint
        ? { endpoint: options.dynamoEndpoint, stop: async () => undefined }
        : await startDynamoLocal({}),
    );
    const dynamoFront = started(
      await startDynamoFront({ port: portAt(options.port, 5), target: dynamo.endpoint, authorize }),
    );
    const mail = started(await startMail({ port: portAt(options.port, 4) }));
    const secrets = started(await startSecretsManager({ authorize }));
    const anthropic = started(await startFakeAnthropic(options.answer ?? ANSWER));

    const apis = apisOf(template, names.resolve, names.physical);
    const [webSocketApi, ...moreWebSocketApis] = apis.filter((api) => api.protocol === "WEBSOCKET");
    const [httpApiOfStage, ...moreHttpApis] = apis.filter((api) => api.protocol === "HTTP");
    if (moreWebSocketApis.length > 0 || moreHttpApis.length > 0)
      throw new Error("the rehearsal serves one HTTP API and one WebSocket API");
    let socketHandlers: GatewayOptions["handlers"] | undefined;
    const gateway = started(
      await startGateway({
        port: portAt(options.port, 1),
        stage: webSocketApi?.stage,
        apiId: webSocketApi?.id,
        authorize,
        handlers: {
          connect: async (event) => (socketHandlers ? socketHandlers.connect(event) : { statusCode: 503 }),
          disconnect: async (event) => socketHandlers?.disconnect(event),
          default: async (event) => socketHandlers?.default(event),
        },
      }),
    );
    const http = started(await startHttp({ port: options.port ?? 0 }));
    const appUrl = options.port ? `http://localhost:${options.port}` : http.url;

    const buckets = bucketsOf(template, names.resolve);
    const endpoints = {
      app: appUrl,
      gateway: gateway.managementEndpoint,
      s3: "",
      sqs: sqs.endpoint,
      dynamodb: dynamoFront.endpoint,
      secretsManager: secrets.endpoint,
      mail: mail.baseUrl,
      anthropic: anthropic.url,
    };
    const localize = localizer(endpoints, {
      httpApis: httpApiOfStage ? [httpApiOfStage.id] : [],
      webSocketApis: webSocketApi ? [webSocketApi.id] : [],
      siteBuckets: buckets.site,
    });
    http.deploySite(await siteObjectsOf(template, { resolve: names.resolve, assetDir, localize }));
    const objects = await mkdtemp(join(tmpdir(), "rehome-rehearsal-s3-"));
    stops.push(() => rm(objects, { recursive: true, force: true }));
    const s3 = started(
      await startS3({
        port: portAt(options.port, 2),
        directory: objects,
        buckets: buckets.stored,
        corsOrigins: loopbackTwins(buckets.corsOrigins.map(localize)),
        credentials: principals.map((p) => p.credentials),
        authorize,
      }),
    );
    endpoints.s3 = s3.endpoint;
    const { functions, skipped } = discover(localize, networkEnvironment(endpoints));

    const operator = { region: REGION, credentials: S3_CREDENTIALS };
    await createTables(
      template,
      names.resolve,
      new DynamoDBClient({ ...operator, endpoint: dynamo.endpoint }),
    );
    for (const name of secretsReferenced(functions)) secrets.put(name, `rehearsal-value-of-${name}`);
    await createQueues(template, names.resolve, new SQSClient({ ...operator, endpoint: sqs.endpoint }));

    const hosts = started(await startHosts(functions, outDir, log));
    await hosts.warm();
    const wiring = {
      functionOf: hosts.functionOf,
      mayInvoke: invokePermissions(template, names.resolve),
      onRefused: (functionName: string, sourceArn: string) => {
        const call: Call = { function: functionName, action: "lambda:InvokeFunction", resource: sourceArn };
        guard?.denials.push(call);
        log(`[lambda] ${sourceArn} may not invoke ${functionName}: no AWS::Lambda::Permission allows it`);
      },
    };
    if (httpApiOfStage) http.mount({ fetch: httpApi({ ...wiring, api: httpApiOfStage }) }, []);
    if (webSocketApi) socketHandlers = webSocketHandlers({ ...wiring, api: webSocketApi });
    const onError = (functionName: string, error: unknown) =>
      log(`[${functionName}] ${(error as Error).name}: ${(error as Error).message}`);
    const pollers = startMappings(template, names.resolve, {
      sqsEndpoint: sqs.endpoint,
      functionOf: hosts.functionOf,
      principalOf: (host) => principals.find((p) => p.logicalId === host.spec.logicalId),
      allows: (principal, action, resource) => guard?.allows(principal, action, resource) ?? false,
      onError,
    });
    stops.push(() => Promise.all(pollers.map((p) => p.stop())));
    const schedules = started(startSchedules(template, names.resolve, { ...wiring, onError }));

    const activeGuard = guard;
    const label = labeller(template, names.physical);
    const stageEnvironment = functions.find((f) => f.spec.environment.DATA_TABLE)?.spec.environment ?? {};
    return {
      url: appUrl,
      /** The SPA, named as the stage's WebUrl names it: the bucket's REST endpoint has no index document. */
      webUrl: `${appUrl}/index.html`,
      wsUrl: gateway.url,
      mailUrl: mail.baseUrl,
      stackName,
      template,
      functions: hosts.hosts.map(({ spec }) => ({
        logicalId: spec.logicalId,
        name: spec.name,
        arn: spec.arn,
      })),
      schedules: schedules.schedules,
      notes: [...skipped.map((s) => `not rehearsed: ${s}`), ...hosts.notes],
      denials: activeGuard.denials,
      get used() {
        return activeGuard.used;
      },
      logsOf: hosts.logsOf,
      fire: schedules.fire,
      /** Seeds the demo data as the operator, in this process (core's config reads process.env once). */
      async seedDemo() {
        Object.assign(process.env, stageEnvironment, {
          AWS_REGION: REGION,
          AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
          // The demo refuses any stage but local: the operator seeds the local tables, not a stage.
          STAGE: "local",
        });
        const { Demo } = await import("@rehome/core/demo");
        return Demo.seed();
      },
      report: () => formatReport(principals, activeGuard.used, label),
      stop: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

async function stopAll(stops: (() => Promise<unknown>)[]) {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
}
