// An HTTP API of the template, served locally: each request is matched to one of its routes and
// handed to that route's function as API Gateway's payload format 2.0 event; the function's answer
// becomes the response. Failures answer as API Gateway does: 500 Internal Server Error, 503 on a
// timeout, 404 Not Found for no route, 413 for a body over 10 MB.
import { randomUUID } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { FunctionError } from "./lambda/host";
import { type Api, matchRoute, type RouteWiring, routeTarget } from "./routes";

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript))/;

export function httpApi(options: RouteWiring & { api: Api }) {
  const { api } = options;
  if (api.routes.some((r) => r.payloadFormat !== "2.0"))
    throw new Error(`HTTP API ${api.logicalId}: only payload format 2.0 is rehearsed`);
  const json = (status: number, message: string) => Response.json({ message }, { status });

  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const matched = matchRoute(api.routes, request.method, url.pathname);
    if (!matched) return json(404, "Not Found");
    const host = routeTarget(
      options,
      matched.route,
      `${api.arn}/${api.stage}/${request.method}${url.pathname}`,
    );
    if (!host) return json(500, "Internal Server Error");
    const body = Buffer.from(await request.arrayBuffer());
    if (body.length > MAX_BODY_BYTES) return json(413, "Request Entity Too Large");
    try {
      const result = await host.invoke(toEvent(request, url, body, api, matched));
      return toResponse(result);
    } catch (error) {
      return error instanceof FunctionError && error.errorType === "Sandbox.Timedout"
        ? json(503, "Service Unavailable")
        : json(500, "Internal Server Error");
    }
  };
}

function toEvent(
  request: Request,
  url: URL,
  body: Buffer,
  api: Api,
  matched: NonNullable<ReturnType<typeof matchRoute>>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== "cookie") headers[name] = value;
  });
  headers["x-forwarded-for"] ??= "127.0.0.1";
  headers["x-forwarded-proto"] ??= url.protocol.replace(":", "");
  headers["x-amzn-trace-id"] ??=
    `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replaceAll("-", "").slice(0, 24)}`;
  const cookies = request.headers.get("cookie")?.split(/;\s*/).filter(Boolean);
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const binary = body.length > 0 && !TEXT_TYPES.test(request.headers.get("content-type") ?? "");
  const now = new Date();
  return {
    version: "2.0",
    routeKey: matched.route.key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length && { cookies }),
    headers,
    ...(url.search && { queryStringParameters: query }),
    ...(Object.keys(matched.pathParameters).length > 0 && { pathParameters: matched.pathParameters }),
    requestContext: {
      accountId: api.arn.split(":")[4] ?? "",
      apiId: api.id,
      domainName: url.host,
      domainPrefix: url.hostname.split(".")[0] ?? "",
      http: {
        method: request.method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: request.headers.get("user-agent") ?? "",
      },
      requestId: randomUUID(),
      routeKey: matched.route.key,
      stage: api.stage,
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 && { body: body.toString(binary ? "base64" : "utf8") }),
    isBase64Encoded: binary,
  };
}

/** A structured result as API Gateway reads it; anything else is a 200 JSON body (format 2.0's rule). */
function toResponse(result: unknown): Response {
  const structured = result as APIGatewayProxyStructuredResultV2 | null;
  if (!structured || typeof structured !== "object" || !("statusCode" in structured))
    return new Response(JSON.stringify(result), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  const headers = new Headers();
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers.set(name, String(value));
  for (const cookie of structured.cookies ?? []) headers.append("set-cookie", cookie);
  const body = structured.body
    ? Buffer.from(structured.body, structured.isBase64Encoded ? "base64" : "utf8")
    : null;
  const status = structured.statusCode ?? 200;
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}
