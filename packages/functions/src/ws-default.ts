// $default: every client frame (subscribe, unsubscribe, whisper, ping, resume).

import { loadSecrets } from "@rehome/core/config/secrets";
import { withMetrics } from "@rehome/core/metrics";
import { Realtime } from "@rehome/core/realtime";
import type { APIGatewayProxyWebsocketEventV2 } from "aws-lambda";

export const handler = withMetrics(async (event: APIGatewayProxyWebsocketEventV2) => {
  await loadSecrets();
  await Realtime.receive(event.requestContext.connectionId, event.body);
  return { statusCode: 200 };
});
