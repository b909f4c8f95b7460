// $disconnect: forget the connection and its subscriptions; presence members are told.

import { loadSecrets } from "@rehome/core/config/secrets";
import { withMetrics } from "@rehome/core/metrics";
import { Realtime } from "@rehome/core/realtime";
import type { APIGatewayProxyWebsocketEventV2 } from "aws-lambda";

export const handler = withMetrics(async (event: APIGatewayProxyWebsocketEventV2) => {
  await loadSecrets();
  await Realtime.disconnect(event.requestContext.connectionId);
  return { statusCode: 200 };
});
