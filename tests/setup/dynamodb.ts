// Starts one in-memory DynamoDB Local for the whole vitest run; each suite's stack creates
// its own tables in it under a random prefix, so suites stay isolated without a JVM each.

import { startDynamoLocal } from "@rehome/local/dynamodb";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({});
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return () => dynamo.stop();
}
