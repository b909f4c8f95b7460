// $connect: a connection is accepted only with a valid single-use ticket.

import { loadSecrets } from "@rehome/core/config/secrets";
import { withMetrics } from "@rehome/core/metrics";
import { Realtime } from "@rehome/core/realtime";
import type { APIGatewayProxyWebsocketEventV2 } from "aws-lambda";

type ConnectEvent = APIGatewayProxyWebsocketEventV2 & {
  queryStringParameters?: Record<string, string | undefined>;
};

export const handler = withMetrics(async (event: ConnectEvent) => {
  await loadSecrets();
  const actor = await Realtime.connect(
    event.requestContext.connectionId,
    event.queryStringParameters?.ticket,
  );
  return actor ? { statusCode: 200 } : { statusCode: 401, body: "Invalid or expired ticket" };
});
