// The rehearsal's stand-in for DNS: AWS addresses in a function's resolved environment (execute-api
// hosts of the template's APIs, S3 hosts of its buckets) become the local endpoints serving them,
// and the SDK clients are pointed at the local services by the same endpoint variables `npm start`
// uses. Nothing else of the environment is added or changed.
import { REGION } from "../account";

export interface LocalEndpoints {
  /** Where the SPA and the HTTP API are served (the banner's App URL). */
  app: string;
  /** The WebSocket gateway, `http://` (management API) — its `ws://` twin is where browsers connect. */
  gateway: string;
  s3: string;
  sqs: string;
  dynamodb: string;
  secretsManager: string;
  mail: string;
  anthropic: string;
}

export interface Hosted {
  /** API ids of the template's HTTP APIs and WebSocket APIs. */
  httpApis: string[];
  webSocketApis: string[];
  /** Buckets the SPA is deployed to: their web addresses are the app's. */
  siteBuckets: string[];
}

/** The variables that point the SDK clients and HTTP providers at the local services. */
export const networkEnvironment = (endpoints: LocalEndpoints): Record<string, string> => ({
  DYNAMODB_ENDPOINT: endpoints.dynamodb,
  S3_ENDPOINT: endpoints.s3,
  SQS_ENDPOINT: endpoints.sqs,
  SECRETS_MANAGER_ENDPOINT: endpoints.secretsManager,
  RESEND_BASE_URL: endpoints.mail,
  ANTHROPIC_BASE_URL: endpoints.anthropic,
});

/** localhost and 127.0.0.1 are one machine seen two ways: a browser may use either. */
export const loopbackTwins = (origins: string[]) => [
  ...new Set(
    origins.flatMap((o) => [
      o,
      o.replace("//localhost:", "//127.0.0.1:"),
      o.replace("//127.0.0.1:", "//localhost:"),
    ]),
  ),
];

// A URL ends its host at a path, a separator or a closing quote (JSON: the SPA's config.json).
const URL_IN_TEXT = /\b(https?|wss?):\/\/([a-z0-9.-]+)(?=[/,\s"]|$)/gi;

/** Rewrites every AWS address in `value` that the rehearsal serves locally; others stay as they are. */
export function localizer(endpoints: LocalEndpoints, hosted: Hosted) {
  const gatewayWs = endpoints.gateway.replace(/^http/, "ws");
  const s3Host = new RegExp(`^([a-z0-9.-]+)\\.s3(?:-website[.-]${REGION}|\\.${REGION})?\\.amazonaws\\.com$`);
  const local = (scheme: string, host: string): string | undefined => {
    const apiId = /^([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.exec(host)?.[1];
    if (apiId && hosted.httpApis.includes(apiId)) return endpoints.app;
    if (apiId && hosted.webSocketApis.includes(apiId))
      return scheme.startsWith("ws") ? gatewayWs : endpoints.gateway;
    const bucket = s3Host.exec(host)?.[1];
    if (bucket && hosted.siteBuckets.includes(bucket)) return endpoints.app;
    if (bucket) return `${endpoints.s3}/${bucket}`;
    return undefined;
  };
  return (value: string) =>
    value.replace(URL_IN_TEXT, (whole, scheme: string, host: string) => local(scheme, host) ?? whole);
}
