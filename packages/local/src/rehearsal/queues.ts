// The template's SQS queues (visibility timeout, retention, redrive to their dead-letter queue)
// on the local SQS, and its SQS event source mappings: batch size, partial batch responses and
// maximum concurrency from the template. Lambda polls with the function's own role, so the poller
// signs as the function: the role must allow receiving and deleting, as in AWS.
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { REGION } from "../account";
import { type Poller, startPoller } from "../sqs/poller";
import type { Principal } from "./guard";
import type { FunctionHost } from "./lambda/host";
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

const QUEUE_ATTRIBUTES = [
  "VisibilityTimeout",
  "MessageRetentionPeriod",
  "DelaySeconds",
  "MaximumMessageSize",
  "ReceiveMessageWaitTimeSeconds",
];
/** What Lambda checks the role for when the mapping is created. */
const POLLING_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"];

/** Creates every queue of the template (dead-letter queues first) with the operator's client. */
export async function createQueues(template: Template, resolve: Resolve, client: SQSClient) {
  const queues = resourcesOf(template, "AWS::SQS::Queue");
  const ordered = [
    ...queues.filter(([, q]) => !q.Properties?.RedrivePolicy),
    ...queues.filter(([, q]) => q.Properties?.RedrivePolicy),
  ];
  for (const [id, queue] of ordered) {
    const properties = resolve(queue.Properties ?? {}) as Record<string, unknown>;
    if (properties.FifoQueue) throw new Error(`queue ${id}: FIFO queues are not rehearsed`);
    const attributes: Record<string, string> = {};
    for (const name of QUEUE_ATTRIBUTES)
      if (properties[name] !== undefined) attributes[name] = String(properties[name]);
    if (properties.RedrivePolicy) attributes.RedrivePolicy = JSON.stringify(properties.RedrivePolicy);
    const name = String(resolve({ "Fn::GetAtt": [id, "QueueName"] }));
    await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  }
}

export interface MappingOptions {
  sqsEndpoint: string;
  /** A rehearsed function by name or ARN. */
  functionOf(nameOrArn: string): FunctionHost | undefined;
  principalOf(host: FunctionHost): Principal | undefined;
  allows(principal: Principal, action: string, resource: string): boolean;
  onError(functionName: string, error: unknown): void;
}

/** Starts one poller per SQS event source mapping; throws, like CreateEventSourceMapping, if the role cannot poll. */
export function startMappings(template: Template, resolve: Resolve, options: MappingOptions): Poller[] {
  return resourcesOf(template, "AWS::Lambda::EventSourceMapping").map(([id, mapping]) => {
    const p = resolve(mapping.Properties ?? {}) as Record<string, any>;
    const queueArn = String(p.EventSourceArn ?? "");
    if (!queueArn.startsWith("arn:aws:sqs:")) throw new Error(`event source ${id}: only SQS is rehearsed`);
    const host = options.functionOf(String(p.FunctionName));
    if (!host) throw new Error(`event source ${id}: no rehearsed function ${p.FunctionName}`);
    const principal = options.principalOf(host);
    if (!principal) throw new Error(`event source ${id}: ${host.spec.name} has no role`);
    const missing = POLLING_ACTIONS.filter((action) => !options.allows(principal, action, queueArn));
    if (missing.length > 0)
      throw new Error(
        `event source ${id}: the execution role of ${host.spec.name} lacks ${missing.join(", ")} on ${queueArn}`,
      );
    if (p.Enabled === false) return { stop: async () => undefined };
    const queueName = queueArn.split(":").pop() ?? "";
    const client = new SQSClient({
      endpoint: options.sqsEndpoint,
      region: REGION,
      credentials: principal.credentials,
    });
    const queueUrl = `${options.sqsEndpoint}/${queueArn.split(":")[4]}/${queueName}`;
    // Lambda reads the queue's attributes with the role when the mapping is created.
    client
      .send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }))
      .catch((error) => options.onError(host.spec.name, error));
    const poller = startPoller({
      client,
      queueUrl,
      handler: (event) => host.invoke(event) as ReturnType<Parameters<typeof startPoller>[0]["handler"]>,
      batchSize: Math.min(Number(p.BatchSize ?? 10), 10),
      // Batches in flight: the mapping's maximum, but never more than the function has sandboxes.
      concurrency: Math.min(Number(p.ScalingConfig?.MaximumConcurrency ?? Infinity), host.spec.concurrency),
      reportBatchItemFailures: (p.FunctionResponseTypes ?? []).includes("ReportBatchItemFailures"),
      onError: (error) => options.onError(host.spec.name, error),
    });
    return {
      stop: async () => {
        await poller.stop();
        client.destroy();
      },
    };
  });
}
