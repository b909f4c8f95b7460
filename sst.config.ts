// The deployable app (sst v2 over CDK): one stack per stage, built from the constructs in
// infra/. `npm run deploy -- --stage <name>` bundles the functions and the SPA first.
import type { SSTConfig } from "sst";
import { AI_MODEL_SETTINGS, buildReHome } from "./infra/app";
import { warmHoursOf } from "./infra/warm";

export default {
  config() {
    return { name: "rehome", region: process.env.AWS_REGION ?? "eu-west-1" };
  },
  stacks(app) {
    app.stack(function ReHome({ stack }) {
      const built = buildReHome(stack, {
        stage: app.stage,
        bundleDir: ".build/lambdas",
        webDist: "web/dist",
        alarmEmail: process.env.ALARM_EMAIL,
        agentEnabled: process.env.AI_ENABLED !== "false",
        aiSettings: Object.fromEntries(
          AI_MODEL_SETTINGS.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
        ),
        maxStreams: process.env.AGENT_MAX_STREAMS ? Number(process.env.AGENT_MAX_STREAMS) : undefined,
        warm: warmHoursOf(process.env),
      });
      stack.addOutputs({
        // https://<bucket>.s3.<region>.amazonaws.com/index.html: the SPA over TLS, no CloudFront.
        WebUrl: built.web.url,
        ApiUrl: built.api.http.apiEndpoint,
        WebSocketUrl: built.realtime.stage.url,
        // For `rehome dlq list|redrive --queue-url … --dlq-url …` against this stage.
        AgentQueueUrl: built.agent.queue.queueUrl,
        AgentDlqUrl: built.agent.deadLetters.queueUrl,
        // Where an overwritten or deleted upload's earlier versions are restored from (RUNBOOK §10).
        UploadsBucket: built.api.uploads.bucketName,
        Dashboard: `https://console.aws.amazon.com/cloudwatch/home#dashboards:name=ReHome-${app.stage}`,
      });
    });
  },
} satisfies SSTConfig;
