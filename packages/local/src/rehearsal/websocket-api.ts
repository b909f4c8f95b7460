// A WebSocket API of the template on the local gateway: $connect and $disconnect go to their
// routes' functions, and each frame to the route its selection expression picks
// (`$request.body.action`), else to $default, as API Gateway routes them.
import type { WebSocketEvent, WebSocketHandler } from "../gateway";
import { type Api, type RouteWiring, routeTarget } from "./routes";

export function webSocketHandlers(options: RouteWiring & { api: Api }) {
  const { api } = options;
  const field = /^\$request\.body\.(.+)$/.exec(api.routeSelectionExpression ?? "")?.[1];

  const routeOf = (key: string) => api.routes.find((r) => r.key === key);
  const invoke = async (routeKey: string, event: WebSocketEvent) => {
    const route = routeOf(routeKey) ?? (routeKey.startsWith("$") ? undefined : routeOf("$default"));
    // No $connect route: API Gateway accepts every connection; no route at all: the frame is dropped.
    if (!route) return routeKey === "$connect" ? { statusCode: 200 } : undefined;
    const host = routeTarget(options, route, `${api.arn}/${api.stage}/${route.key}`);
    if (!host) return { statusCode: 500 };
    event.requestContext.routeKey = route.key;
    return (await host.invoke(event)) as { statusCode?: number; body?: string } | undefined;
  };

  const handler =
    (routeKey: string): WebSocketHandler =>
    (event) =>
      invoke(routeKey, event);

  return {
    connect: handler("$connect"),
    disconnect: handler("$disconnect"),
    default: (event: WebSocketEvent) => invoke(selectRoute(event.body, field), event),
  };
}

function selectRoute(body: string | undefined, field: string | undefined) {
  if (!field || !body) return "$default";
  try {
    const value = field.split(".").reduce<any>((node, key) => node?.[key], JSON.parse(body));
    return typeof value === "string" ? value : "$default";
  } catch {
    return "$default";
  }
}
