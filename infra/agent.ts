// The agent queue and its worker: SQS with a visibility timeout six times the worker's
// timeout, partial batch responses and a maximum concurrency so a burst of questions cannot
// starve the account. A job out of receives goes to the dead-letter consumer, which ends its
// answer as failed and parks the job in the DLQ that ops list and redrive.

import { DEAD_LETTER_RECEIVES, MAX_RECEIVES } from "@rehome/core/agent/job";
import { Duration } from "aws-cdk-lib";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { Functions } from "./functions";

export const WORKER_TIMEOUT = Duration.minutes(2);
export const WORKER_MEMORY_MB = 1024;
// Streams one invocation runs side by side. The stream benchmark measures about a tenth of a
// core per stream with two readers (mostly SDK work for PostToConnection); 1,024 MB is about
// 0.6 vCPU, so five streams would saturate it and every token would wait on the CPU.
export const STREAMS_PER_INVOCATION = 2;
const DEAD_LETTER_TIMEOUT = Duration.seconds(30);
/** Answers streaming at once across invocations, unless the stage sets its own (AGENT_MAX_STREAMS at deploy). */
const DEFAULT_MAX_STREAMS = 100;
// The product's promise: 1,000 streams, 500 invocations, with the account concurrency of RUNBOOK §1.
const MAX_STREAMS_LIMIT = 1000;

export class Agent extends Construct {
  readonly queue: sqs.Queue;
  /** Jobs that ran out of receives, on their way to the DLQ through the dead-letter consumer. */
  readonly exhausted: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly worker: lambda.Function;
  readonly deadLetterConsumer: lambda.Function;

  constructor(scope: Construct, id: string, props: { functions: Functions; maxStreams?: number }) {
    super(scope, id);
    const maxStreams = props.maxStreams ?? DEFAULT_MAX_STREAMS;
    if (
      !Number.isInteger(maxStreams) ||
      maxStreams < 2 * STREAMS_PER_INVOCATION ||
      maxStreams > MAX_STREAMS_LIMIT ||
      maxStreams % STREAMS_PER_INVOCATION !== 0
    )
      throw new Error(
        `maxStreams must be a multiple of ${STREAMS_PER_INVOCATION} from ${2 * STREAMS_PER_INVOCATION} to ${MAX_STREAMS_LIMIT}, got ${maxStreams}`,
      );
    this.deadLetters = new sqs.Queue(this, "DeadLetters", {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    // Should the consumer itself fail three times (on top of the receives a job arrives with),
    // SQS moves the job on to the DLQ as it is.
    this.exhausted = new sqs.Queue(this, "Exhausted", {
      retentionPeriod: Duration.days(14),
      visibilityTimeout: Duration.seconds(DEAD_LETTER_TIMEOUT.toSeconds() * 6),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: DEAD_LETTER_RECEIVES },
    });
    this.queue = new sqs.Queue(this, "Queue", {
      visibilityTimeout: Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: this.exhausted, maxReceiveCount: MAX_RECEIVES },
    });
    this.worker = props.functions.create("agent-worker", {
      timeout: WORKER_TIMEOUT,
      memorySize: WORKER_MEMORY_MB,
    });
    this.worker.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: STREAMS_PER_INVOCATION,
        reportBatchItemFailures: true,
        maxConcurrency: maxStreams / STREAMS_PER_INVOCATION,
      }),
    );
    this.deadLetterConsumer = props.functions.create("agent-dead-letters", { timeout: DEAD_LETTER_TIMEOUT });
    this.deadLetterConsumer.addEventSource(
      new SqsEventSource(this.exhausted, { batchSize: 10, reportBatchItemFailures: true }),
    );
    this.deadLetters.grantSendMessages(this.deadLetterConsumer);
  }
}
