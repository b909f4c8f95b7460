// The agent queue and its worker: SQS with a dead-letter queue after three receives, a
// visibility timeout six times the worker's timeout, partial batch responses and a
// maximum concurrency so a burst of questions cannot starve the account.

import { MAX_RECEIVES } from "@rehome/core/agent/job";
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
// Answers streaming at once, across invocations.
const MAX_STREAMS = 100;

export class Agent extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly worker: lambda.Function;

  constructor(scope: Construct, id: string, props: { functions: Functions }) {
    super(scope, id);
    this.deadLetters = new sqs.Queue(this, "DeadLetters", {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    this.queue = new sqs.Queue(this, "Queue", {
      visibilityTimeout: Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_RECEIVES },
    });
    this.worker = props.functions.create("agent-worker", {
      timeout: WORKER_TIMEOUT,
      memorySize: WORKER_MEMORY_MB,
    });
    this.worker.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: STREAMS_PER_INVOCATION,
        reportBatchItemFailures: true,
        maxConcurrency: MAX_STREAMS / STREAMS_PER_INVOCATION,
      }),
    );
  }
}
