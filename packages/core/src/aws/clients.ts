// One place per AWS service where its SDK v3 client is created. The endpoint comes from config,
// so pointing the product at the local stand-ins is a configuration change, never a code path.
// DynamoDB loads with the function (nearly every invocation reads it); every other service's
// SDK is imported on first use (a chunk of its own in the Lambda bundles), so a cold start pays
// only for the services its request calls.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { config } from "../config";
import { once } from "../util";

export const dynamo = once(() => {
  const { region, endpoints } = config();
  return new DynamoDBClient({ region, endpoint: endpoints.dynamodb, maxAttempts: 4 });
});

export const documents = once(() =>
  DynamoDBDocumentClient.from(dynamo(), { marshallOptions: { removeUndefinedValues: true } }),
);

/** Each service's SDK package (`sdk`, for its commands and errors) and client, made on first use. */
export const s3 = once(async () => {
  const sdk = await import("@aws-sdk/client-s3");
  const { region, endpoints } = config();
  // Local S3 stand-ins serve buckets by path, not by virtual host.
  return {
    sdk,
    client: new sdk.S3Client({ region, endpoint: endpoints.s3, forcePathStyle: Boolean(endpoints.s3) }),
  };
});

export const sqs = once(async () => {
  const sdk = await import("@aws-sdk/client-sqs");
  const { region, endpoints } = config();
  return { sdk, client: new sdk.SQSClient({ region, endpoint: endpoints.sqs }) };
});

export const secretsManager = once(async () => {
  const sdk = await import("@aws-sdk/client-secrets-manager");
  const { region, endpoints } = config();
  return { sdk, client: new sdk.SecretsManagerClient({ region, endpoint: endpoints.secretsManager }) };
});

/** Sockets the @connections client keeps open: as many posts as are ever in flight at once. */
export const CONNECTION_SOCKETS = 50;

export const connections = once(async () => {
  const sdk = await import("@aws-sdk/client-apigatewaymanagementapi");
  const { region, wsManagementUrl } = config();
  const sockets = { maxSockets: CONNECTION_SOCKETS };
  return {
    sdk,
    client: new sdk.ApiGatewayManagementApiClient({
      region,
      endpoint: wsManagementUrl,
      requestHandler: { httpAgent: sockets, httpsAgent: sockets },
      // A streamed answer posts hundreds of times: resolving the middleware stack once, not per
      // post, saves a share of each post's CPU and garbage. Middleware must then be added before
      // the first post (the SDK ignores later additions).
      cacheMiddleware: true,
    }),
  };
});
