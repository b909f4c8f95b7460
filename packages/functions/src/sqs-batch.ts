// Partial batch responses for SQS-triggered functions: records run side by side, and only the
// ones that threw are reported in batchItemFailures, so only they come back.
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";

export async function eachRecord(
  event: SQSEvent,
  handle: (record: SQSRecord) => Promise<void>,
): Promise<SQSBatchResponse> {
  const results = await Promise.allSettled(event.Records.map(handle));
  return {
    batchItemFailures: results.flatMap((result, i) =>
      result.status === "rejected" ? [{ itemIdentifier: event.Records[i]?.messageId ?? "" }] : [],
    ),
  };
}
