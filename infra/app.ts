// Composes the concerns into one stage of ReHome. Used by sst.config.ts (inside an sst stack)
// and by the tests (inside a plain CDK stack); both give the same resources.
import type { Stack } from "aws-cdk-lib";
import * as secrets from "aws-cdk-lib/aws-secretsmanager";
import { Agent } from "./agent";
import { Api } from "./api";
import { Data } from "./data";
import { Functions } from "./functions";
import { Ops } from "./ops";
import { Realtime } from "./realtime";
import { Schedule } from "./schedule";
import type { WarmHours } from "./warm";
import { Web } from "./web";

export interface ReHomeProps {
  stage: string;
  /** Prebuilt Lambda bundles (`npm run build:lambdas`): one folder per entry point. */
  bundleDir: string;
  /** The built SPA (`npm run build -w web`). */
  webDist: string;
  alarmEmail?: string;
  /** false is the emergency switch: every function runs with AI_ENABLED=false (RUNBOOK §7). */
  agentEnabled?: boolean;
  /** The deploying shell's settings named in AI_MODEL_SETTINGS, given to every function as they are. */
  aiSettings?: Record<string, string>;
  /** Answers streaming at once (the worker's maximum concurrency x 2); 100 unless set, at most 1,000 (RUNBOOK §1). */
  maxStreams?: number;
  /** Provisioned HTTP sandboxes through the working hours (WARM_SANDBOXES, WARM_HOURS at deploy; RUNBOOK §1). */
  warm?: WarmHours;
}

/** The model and price settings an operator may set at deploy time (RUNBOOK §7: switching models). */
export const AI_MODEL_SETTINGS = [
  "AI_MODEL",
  "AI_MODELS",
  "AI_FALLBACK_MODEL",
  "AI_PRICES",
  "AI_PRICE_INPUT_CENTS_PER_MTOK",
  "AI_PRICE_OUTPUT_CENTS_PER_MTOK",
] as const;

export function buildReHome(stack: Stack, props: ReHomeProps) {
  const { stage } = props;
  const data = new Data(stack, "Data", { stage });
  const web = new Web(stack, "Web");
  const functions = new Functions(stack, "Functions", {
    stage,
    bundleDir: props.bundleDir,
    environment: {
      ...props.aiSettings,
      DATA_TABLE: data.data.tableName,
      REALTIME_TABLE: data.realtime.tableName,
      // Email links open the SPA at its HTTPS address; the browser calls from its origin.
      PUBLIC_URL: web.url,
      CORS_ORIGINS: web.origin,
      AI_ENABLED: String(props.agentEnabled ?? true),
      // Deployed stages always answer with Anthropic; only the worker holds the key (least privilege).
      AI_PROVIDER: "anthropic",
    },
  });
  const realtime = new Realtime(stack, "Realtime", { stage, functions, data, warm: props.warm });
  const agent = new Agent(stack, "Agent", { functions, maxStreams: props.maxStreams });
  const api = new Api(stack, "Api", { stage, functions, webOrigin: web.origin, warm: props.warm });
  const digests = functions.create("digest-schedule");
  new Schedule(stack, "Schedule", { target: digests });
  web.deploy({ distDir: props.webDist, apiUrl: api.http.apiEndpoint, stage });

  // Secrets stay in Secrets Manager: functions get the ARN and read the value at cold start.
  const anthropic = secrets.Secret.fromSecretNameV2(
    stack,
    "AnthropicKey",
    `rehome/${stage}/anthropic-api-key`,
  );
  const resend = secrets.Secret.fromSecretNameV2(stack, "ResendKey", `rehome/${stage}/resend-api-key`);
  Functions.useSecret(agent.worker, "ANTHROPIC_API_KEY", anthropic);
  for (const fn of [agent.worker, api.handler]) Functions.useSecret(fn, "RESEND_API_KEY", resend);

  const wiring = {
    UPLOADS_BUCKET: api.uploads.bucketName,
    AGENT_QUEUE_URL: agent.queue.queueUrl,
    AGENT_DLQ_URL: agent.deadLetters.queueUrl,
    WS_MANAGEMENT_URL: realtime.managementUrl,
    WS_PUBLIC_URL: realtime.stage.url,
  };
  for (const fn of functions.all) {
    for (const [name, value] of Object.entries(wiring)) fn.addEnvironment(name, value);
  }
  // Least privilege: each function gets the tables, queue and socket rights it uses. The
  // dead-letter consumer ends answers through the worker's finish (stream state, run, budget
  // counters, the done delta); it holds no secret and sends only to the DLQ (agent.ts).
  for (const fn of [api.handler, agent.worker, agent.deadLetterConsumer]) {
    data.data.grantReadWriteData(fn);
    data.realtime.grantReadWriteData(fn);
    realtime.grantManage(fn);
  }
  data.data.grantReadData(digests);
  agent.queue.grantSendMessages(api.handler);
  agent.queue.grantSendMessages(digests);

  const ops = new Ops(stack, "Ops", {
    stage,
    alarmEmail: props.alarmEmail,
    http: api.http,
    websocket: realtime.api,
    websocketStage: realtime.stage,
    functions: functions.all,
    worker: agent.worker,
    queue: agent.queue,
    deadLetters: agent.deadLetters,
    tables: [data.data, data.realtime],
  });
  return { data, web, api, realtime, agent, ops, functions };
}
