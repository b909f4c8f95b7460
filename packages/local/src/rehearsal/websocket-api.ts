// A WebSocket API of the template on the local gateway: $connect and $disconnect go to their
// routes' functions, and each frame to the route its selection expression picks
// (`$request.body.action`), else to $default, as API Gateway routes them.
import type { WebSocketEvent, WebSocketHandler } from "../gateway";
import type { FunctionHost } from "./lambda/host";
import type { MayInvoke } from "./permissions";
import type { Api } from "./routes";

export interface WebSocketApiOptions {
  api: Api;
  /** A rehearsed function by name or ARN. */
  functionOf(nameOrArn: string): FunctionHost | undefined;
  mayInvoke: MayInvoke;
  onRefused(functionName: string, sourceArn: string): void;
}

export function webSocketHandlers(options: WebSocketApiOptions) {
  const { api } = options;
  const field = /^\$request\.body\.(.+)$/.exec(api.routeSelectionExpression ?? "")?.[1];

  const routeOf = (key: string) => api.routes.find((r) => r.key === key);
  const invoke = async (routeKey: string, event: WebSocketEvent) => {
    const route = routeOf(routeKey) ?? (routeKey.startsWith("$") ? undefined : routeOf("$default"));
    // No $connect route: API Gateway accepts every connection; no route at all: the frame is dropped.
    if (!route) return routeKey === "$connect" ? { statusCode: 200 } : undefined;
    const host = options.functionOf(route.functionArn);
    const sourceArn = `${api.arn}/${api.stage}/${route.key}`;
    if (!host || !options.mayInvoke(route.functionArn, "apigateway.amazonaws.com", sourceArn)) {
      options.onRefused(host?.spec.name ?? route.functionArn, sourceArn);
      return { statusCode: 500 };
    }
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
