// Operations: one CloudWatch dashboard (API, WebSocket, Lambda, SQS, DynamoDB and the product
// metrics the code emits in the "ReHome" namespace) and the alarms, sent to an SNS topic
// with an email subscription. RUNBOOK.md says what to do for each alarm.
import { NAMESPACE, SERVICE } from "@rehome/core/metrics";
import { Duration } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as cw from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export const TOKEN_LATENCY_TARGET_MS = 60;

export interface OpsProps {
  stage: string;
  alarmEmail?: string;
  http: apigw.HttpApi;
  websocket: apigw.WebSocketApi;
  websocketStage: apigw.WebSocketStage;
  functions: lambda.Function[];
  worker: lambda.Function;
  queue: sqs.Queue;
  deadLetters: sqs.Queue;
  tables: dynamodb.TableV2[];
}

// Metrics are identified by their exact dimension set: the code's are always service + any own.
const product = (metricName: string, statistic = "Sum", dimensions: Record<string, string> = {}) =>
  new cw.Metric({
    namespace: NAMESPACE,
    metricName,
    statistic,
    dimensionsMap: { service: SERVICE, ...dimensions },
    period: Duration.minutes(5),
  });

export class Ops extends Construct {
  readonly dashboard: cw.Dashboard;
  readonly topic: sns.Topic;
  readonly alarms: Record<string, cw.Alarm> = {};

  constructor(scope: Construct, id: string, props: OpsProps) {
    super(scope, id);
    const api = (metricName: string, statistic = "Sum") =>
      new cw.Metric({
        namespace: "AWS/ApiGateway",
        metricName,
        statistic,
        dimensionsMap: { ApiId: props.http.apiId },
        period: Duration.minutes(5),
      });
    const ws = (metricName: string) =>
      new cw.Metric({
        namespace: "AWS/ApiGateway",
        metricName,
        statistic: "Sum",
        dimensionsMap: { ApiId: props.websocket.apiId },
        period: Duration.minutes(5),
      });
    // Error metrics of the WebSocket API's one stage (ApiId + Stage; per-route needs paid detailed metrics).
    const wsStage = (metricName: string) =>
      ws(metricName).with({
        dimensionsMap: { ApiId: props.websocket.apiId, Stage: props.websocketStage.stageName },
      });
    const perFunction = (title: string, metric: (fn: lambda.Function) => cw.Metric) =>
      new cw.GraphWidget({
        title,
        left: props.functions.map((fn) => metric(fn).with({ label: fn.node.id })),
        width: 12,
      });

    this.dashboard = new cw.Dashboard(this, "Dashboard", { dashboardName: `ReHome-${props.stage}` });
    this.dashboard.addWidgets(
      new cw.GraphWidget({ title: "API requests", left: [api("Count")], width: 6 }),
      new cw.GraphWidget({ title: "API 4xx / 5xx", left: [api("4xx"), api("5xx")], width: 6 }),
      new cw.GraphWidget({ title: "API latency p95", left: [api("Latency", "p95")], width: 6 }),
      new cw.GraphWidget({
        title: "WebSocket connections and messages",
        left: [ws("ConnectCount"), ws("MessageCount")],
        width: 6,
      }),
    );
    this.dashboard.addWidgets(
      new cw.GraphWidget({
        title: "WebSocket errors",
        left: [wsStage("IntegrationError"), wsStage("ExecutionError"), wsStage("ClientError")],
        width: 24,
      }),
    );
    this.dashboard.addWidgets(
      perFunction("Lambda errors", (fn) => fn.metricErrors()),
      perFunction("Lambda duration p95", (fn) => fn.metricDuration({ statistic: "p95" })),
      perFunction("Lambda throttles", (fn) => fn.metricThrottles()),
      perFunction("Lambda concurrency", (fn) => fn.metric("ConcurrentExecutions", { statistic: "Maximum" })),
    );
    this.dashboard.addWidgets(
      new cw.GraphWidget({
        title: "SQS age of oldest message",
        left: [props.queue.metricApproximateAgeOfOldestMessage()],
        width: 8,
      }),
      new cw.GraphWidget({
        title: "DLQ depth",
        left: [props.deadLetters.metricApproximateNumberOfMessagesVisible()],
        width: 8,
      }),
      new cw.GraphWidget({
        title: "DynamoDB throttles and consumed capacity",
        // On-demand tables report throttles per table as read/write throttle events.
        left: props.tables.flatMap((t) => [
          t.metric("ReadThrottleEvents", { statistic: "Sum" }),
          t.metric("WriteThrottleEvents", { statistic: "Sum" }),
        ]),
        right: props.tables.flatMap((t) => [
          t.metricConsumedReadCapacityUnits(),
          t.metricConsumedWriteCapacityUnits(),
        ]),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cw.GraphWidget({
        title: "Token latency p95 (ms)",
        left: [product("TokenLatencyMs", "p95")],
        width: 6,
      }),
      new cw.GraphWidget({
        title: "Socket messages per answer",
        left: [product("SocketMessagesPerAnswer", "Average")],
        width: 6,
      }),
      new cw.GraphWidget({
        title: "Agent runs by status",
        left: ["completed", "failed", "cancelled", "timed_out"].map((status) =>
          product("AgentRuns", "Sum", { Status: status }),
        ),
        width: 6,
      }),
      new cw.GraphWidget({ title: "Agent cost (cents)", left: [product("CostCents")], width: 6 }),
      new cw.GraphWidget({ title: "Budget blocks", left: [product("BudgetBlocks")], width: 6 }),
      new cw.GraphWidget({
        title: "Gone connections cleaned (410)",
        left: [product("GoneConnectionsCleaned")],
        width: 6,
      }),
      new cw.GraphWidget({ title: "DLQ sends", left: [product("DlqSends")], width: 6 }),
      new cw.GraphWidget({
        title: "Provider circuit open, fallbacks",
        left: [product("CircuitOpen"), product("ModelFallbacks")],
        width: 6,
      }),
      new cw.GraphWidget({
        title: "Stuck answers failed",
        left: [product("StuckAnswersFailed")],
        width: 6,
      }),
    );

    this.topic = new sns.Topic(this, "Alarms", { displayName: `ReHome ${props.stage} alarms` });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const alarm = (name: string, metric: cw.IMetric, threshold: number, description: string) => {
      const created = new cw.Alarm(this, name, {
        alarmName: `rehome-${props.stage}-${name}`,
        alarmDescription: `${description} See RUNBOOK.md §5.`,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new actions.SnsAction(this.topic));
      this.alarms[name] = created;
    };
    alarm(
      "DlqNotEmpty",
      props.deadLetters.metricApproximateNumberOfMessagesVisible({ statistic: "Maximum" }),
      0,
      "Agent jobs failed three times.",
    );
    alarm(
      "WorkerErrors",
      props.worker.metricErrors({ period: Duration.minutes(5) }),
      3,
      "The agent worker is throwing.",
    );
    alarm(
      "Api5xxRate",
      new cw.MathExpression({
        expression: "100 * errors / MAX([requests, 1])",
        usingMetrics: { errors: api("5xx"), requests: api("Count") },
        period: Duration.minutes(5),
      }),
      1,
      "More than 1% of API requests fail with 5xx.",
    );
    alarm(
      "QueueAge",
      props.queue.metricApproximateAgeOfOldestMessage({ statistic: "Maximum" }),
      300,
      "Agent jobs wait more than five minutes.",
    );
    alarm(
      "TokenLatencyP95",
      product("TokenLatencyMs", "p95"),
      TOKEN_LATENCY_TARGET_MS,
      `Token-to-client p95 above ${TOKEN_LATENCY_TARGET_MS} ms.`,
    );
    alarm("BudgetBlocksSpike", product("BudgetBlocks"), 20, "Many agent requests refused for budget.");
    // Tickets refused at $connect (401) count as integration errors too: a few are normal
    // (a laptop waking up with an old ticket), a stream of them is a broken sign-in or handler.
    alarm(
      "WsIntegrationErrors",
      wsStage("IntegrationError"),
      10,
      "WebSocket Lambdas answered more than 10 requests in 5 minutes with an error ($connect refusals included).",
    );
    alarm(
      "WsExecutionErrors",
      wsStage("ExecutionError"),
      0,
      "API Gateway could not invoke a WebSocket Lambda (throttled, timed out or not permitted).",
    );
    alarm(
      "StuckAnswersFailed",
      product("StuckAnswersFailed"),
      0,
      "Answers ended as failed by the dead-letter consumer: their jobs failed three times.",
    );
  }
}
