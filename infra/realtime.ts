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

export class Realtime extends Construct {
  readonly api: apigw.WebSocketApi;
  readonly stage: apigw.WebSocketStage;
  readonly handlers: { connect: lambda.Function; disconnect: lambda.Function; message: lambda.Function };

  constructor(scope: Construct, id: string, props: { stage: string; functions: Functions; data: Data }) {
    super(scope, id);
    const connect = props.functions.create("ws-connect");
    const disconnect = props.functions.create("ws-disconnect");
    const message = props.functions.create("ws-default");
    this.handlers = { connect, disconnect, message };
    this.api = new apigw.WebSocketApi(this, "Api", {
      apiName: `rehome-${props.stage}-ws`,
      routeSelectionExpression: "$request.body.action",
      connectRouteOptions: { integration: new WebSocketLambdaIntegration("ConnectIntegration", connect) },
      disconnectRouteOptions: {
        integration: new WebSocketLambdaIntegration("DisconnectIntegration", disconnect),
      },
      // An integration id of "Default" would vanish from logical ids and collide with the route.
      defaultRouteOptions: { integration: new WebSocketLambdaIntegration("MessageIntegration", message) },
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
