// The WebSocket API: $connect / $disconnect / $default routes to their Lambdas, one stage,
// and the management endpoint the publisher posts to (each function may only manage
// connections of this API).
import { Stack } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { WebSocketLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import type { Data } from "./data";
import type { Functions } from "./functions";
import { REALTIME_WARM_SANDBOXES, Warm, type WarmHours } from "./warm";

export class Realtime extends Construct {
  readonly api: apigw.WebSocketApi;
  readonly stage: apigw.WebSocketStage;
  readonly handlers: { connect: lambda.Function; disconnect: lambda.Function; message: lambda.Function };

  constructor(
    scope: Construct,
    id: string,
    props: { stage: string; functions: Functions; data: Data; warm?: WarmHours },
  ) {
    super(scope, id);
    const connect = props.functions.create("ws-connect");
    const disconnect = props.functions.create("ws-disconnect");
    const message = props.functions.create("ws-default");
    this.handlers = { connect, disconnect, message };
    // Through the warm hours a page's socket opens and subscribes on provisioned sandboxes;
    // nobody waits on $disconnect, which stays on demand.
    const { warm } = props;
    const invoked = (fn: lambda.Function, name: string) =>
      warm ? new Warm(this, name, { fn, sandboxes: REALTIME_WARM_SANDBOXES, hours: warm.hours }).target : fn;
    this.api = new apigw.WebSocketApi(this, "Api", {
      apiName: `rehome-${props.stage}-ws`,
      routeSelectionExpression: "$request.body.action",
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration("ConnectIntegration", invoked(connect, "WarmConnect")),
      },
      disconnectRouteOptions: {
        integration: new WebSocketLambdaIntegration("DisconnectIntegration", disconnect),
      },
      // An integration id of "Default" would vanish from logical ids and collide with the route.
      defaultRouteOptions: {
        integration: new WebSocketLambdaIntegration("MessageIntegration", invoked(message, "WarmMessage")),
      },
    });
    this.stage = new apigw.WebSocketStage(this, "Stage", {
      webSocketApi: this.api,
      stageName: props.stage,
      autoDeploy: true,
    });
    for (const fn of [connect, disconnect, message]) props.data.realtime.grantReadWriteData(fn);
    // $connect reads the user (status, role); $default checks project access for subscriptions.
    props.data.data.grantReadData(connect);
    props.data.data.grantReadData(message);
    // Replies to frames and presence notices are posted back through the management API.
    this.grantManage(message);
    this.grantManage(disconnect);
  }

  /** https://{api}.execute-api.{region}.amazonaws.com/{stage}: where PostToConnection goes. */
  get managementUrl() {
    return `https://${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.stage.stageName}`;
  }

  grantManage(fn: lambda.Function) {
    this.api.grantManageConnections(fn);
  }
}
