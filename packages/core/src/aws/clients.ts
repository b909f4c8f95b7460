// One place per AWS service where its SDK v3 client is created. The endpoint comes from config,
// so pointing the product at the local stand-ins is a configuration change, never a code path.
import { ApiGatewayManagementApiClient } from "@aws-sdk/client-apigatewaymanagementapi";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SQSClient } from "@aws-sdk/client-sqs";
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

export const s3 = once(() => {
  const { region, endpoints } = config();
  // Local S3 stand-ins serve buckets by path, not by virtual host.
  return new S3Client({ region, endpoint: endpoints.s3, forcePathStyle: Boolean(endpoints.s3) });
});

export const sqs = once(() => {
  const { region, endpoints } = config();
  return new SQSClient({ region, endpoint: endpoints.sqs });
});

export const secretsManager = once(() => {
  const { region, endpoints } = config();
  return new SecretsManagerClient({ region, endpoint: endpoints.secretsManager });
});

export const connections = once(() => {
  const { region, wsManagementUrl } = config();
  return new ApiGatewayManagementApiClient({ region, endpoint: wsManagementUrl });
});
