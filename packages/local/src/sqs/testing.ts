// Test fixture: a local SQS server for one suite and an SDK client pointed at it.
import { SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll } from "vitest";
import { startSqs } from "./server";

export function useLocalSqs() {
  const fixture = { client: undefined as unknown as SQSClient, endpoint: "" };
  let server: Awaited<ReturnType<typeof startSqs>>;
  beforeAll(async () => {
    server = await startSqs();
    fixture.endpoint = server.endpoint;
    fixture.client = new SQSClient({
      endpoint: server.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
  });
  afterAll(() => server.stop());
  return fixture;
}
