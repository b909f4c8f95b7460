// Test fixtures: a local SQS server for one suite and an SDK client pointed at it, and how many
// messages a queue holds (the stand-in's and the integration suites' tests count them).
import { GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
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

/** Messages in a queue, visible or in flight. */
export async function messagesIn(client: SQSClient, QueueUrl: string) {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
}
