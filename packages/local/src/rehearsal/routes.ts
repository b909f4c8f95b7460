// The template's API Gateway v2 APIs as the rehearsal serves them: each API's routes (route key →
// the function its integration targets) and stage. Only Lambda proxy integrations are rehearsed;
// anything else stops the rehearsal naming the route.
import type { FunctionHost } from "./lambda/host";
import type { MayInvoke } from "./permissions";
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

export interface Route {
  key: string;
  functionArn: string;
  /** HTTP APIs: the payload format (`2.0` or `1.0`). */
  payloadFormat: string;
}

export interface Api {
  logicalId: string;
  id: string;
  protocol: "HTTP" | "WEBSOCKET";
  routes: Route[];
  stage: string;
  routeSelectionExpression?: string;
  arn: string;
}

/** How an API reaches the rehearsed functions. */
export interface RouteWiring {
  /** A rehearsed function by name or ARN. */
  functionOf(nameOrArn: string): FunctionHost | undefined;
  mayInvoke: MayInvoke;
  /** A route API Gateway may not invoke (no AWS::Lambda::Permission), logged like an IAM denial. */
  onRefused(functionName: string, sourceArn: string): void;
}

/** The function a route invokes from `sourceArn`; undefined (and reported) when API Gateway may not invoke it. */
export function routeTarget(wiring: RouteWiring, route: Route, sourceArn: string) {
  const host = wiring.functionOf(route.functionArn);
  if (host && wiring.mayInvoke(route.functionArn, "apigateway.amazonaws.com", sourceArn)) return host;
  wiring.onRefused(host?.spec.name ?? route.functionArn, sourceArn);
  return undefined;
}

export function apisOf(template: Template, resolve: Resolve, physical: (id: string) => string): Api[] {
  const integrations = new Map(
    resourcesOf(template, "AWS::ApiGatewayV2::Integration").map(([id, r]) => [physical(id), { id, ...r }]),
  );
  return resourcesOf(template, "AWS::ApiGatewayV2::Api").map(([logicalId, api]) => {
    const id = String(resolve({ Ref: logicalId }));
    const belongs = (properties: Record<string, unknown> = {}) => resolve(properties.ApiId) === id;
    const routes = resourcesOf(template, "AWS::ApiGatewayV2::Route")
      .filter(([, route]) => belongs(route.Properties))
      .map(([routeId, route]) => {
        const key = String(resolve(route.Properties?.RouteKey));
        const target = String(resolve(route.Properties?.Target ?? "")).replace(/^integrations\//, "");
        const integration = integrations.get(target);
        const properties = (integration?.Properties ?? {}) as Record<string, unknown>;
        // Qualified when the route invokes an alias (`…:function:<name>:live`): its permission must name it.
        const functionArn = /arn:aws:lambda:[^:]+:\d+:function:[^/:]+(?::[^/:]+)?/.exec(
          String(resolve(properties.IntegrationUri ?? "")),
        )?.[0];
        if (!integration || properties.IntegrationType !== "AWS_PROXY" || !functionArn)
          throw new Error(`route ${routeId} (${key}) is not a Lambda proxy integration: not rehearsed`);
        return { key, functionArn, payloadFormat: String(properties.PayloadFormatVersion ?? "1.0") };
      });
    const stages = resourcesOf(template, "AWS::ApiGatewayV2::Stage").filter(([, s]) => belongs(s.Properties));
    const stage = stages[0] ? String(resolve(stages[0][1].Properties?.StageName)) : "$default";
    return {
      logicalId,
      id,
      protocol: api.Properties?.ProtocolType === "WEBSOCKET" ? "WEBSOCKET" : "HTTP",
      routes,
      stage,
      routeSelectionExpression: api.Properties?.RouteSelectionExpression,
      arn: `arn:aws:execute-api:${String(resolve({ Ref: "AWS::Region" }))}:${String(resolve({ Ref: "AWS::AccountId" }))}:${id}`,
    };
  });
}

/** The route for a request: an exact `METHOD /path` (or `ANY`), then path parameters, then greedy `{proxy+}`, then `$default`. */
export function matchRoute(routes: Route[], method: string, path: string) {
  let best: { route: Route; score: number; pathParameters: Record<string, string> } | undefined;
  for (const route of routes) {
    if (route.key === "$default") continue;
    const [routeMethod = "", routePath = ""] = route.key.split(" ");
    if (routeMethod !== "ANY" && routeMethod !== method) continue;
    const matched = matchPath(routePath, path);
    if (matched && (!best || matched.score > best.score)) best = { route, ...matched };
  }
  if (best) return best;
  const fallback = routes.find((r) => r.key === "$default");
  return fallback ? { route: fallback, score: 0, pathParameters: {} } : undefined;
}

function matchPath(pattern: string, path: string) {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  const pathParameters: Record<string, string> = {};
  let score = 0;
  for (const [i, part] of want.entries()) {
    const greedy = /^\{(.+)\+\}$/.exec(part)?.[1];
    if (greedy) {
      if (have.length <= i) return undefined;
      pathParameters[greedy] = have.slice(i).map(decodeURIComponent).join("/");
      return { score, pathParameters };
    }
    const value = have[i];
    if (value === undefined) return undefined;
    const parameter = /^\{(.+)\}$/.exec(part)?.[1];
    if (parameter) pathParameters[parameter] = decodeURIComponent(value);
    else if (part !== value) return undefined;
    score += parameter ? 1 : 2;
  }
  return want.length === have.length ? { score: score + 1, pathParameters } : undefined;
}
