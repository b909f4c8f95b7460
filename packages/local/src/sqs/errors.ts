// SQS errors as the SDK's query-compatible JSON protocol expects them: the `__type` shape name,
// the legacy query error code (x-amzn-query-error, which the SDK maps to its exception classes)
// and the HTTP status SQS answers with.
export class SqsError extends Error {
  constructor(
    /** Shape name, e.g. QueueDoesNotExist: `__type` is `com.amazonaws.sqs#<type>`. */
    readonly type: string,
    /** The query-protocol code, e.g. AWS.SimpleQueueService.NonExistentQueue. */
    readonly queryCode: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const queueDoesNotExist = () =>
  new SqsError(
    "QueueDoesNotExist",
    "AWS.SimpleQueueService.NonExistentQueue",
    400,
    "The specified queue does not exist.",
  );

export const invalidParameter = (message: string) =>
  new SqsError("InvalidParameterValue", "InvalidParameterValue", 400, message);

export const invalidAttributeValue = (message: string) =>
  new SqsError("InvalidAttributeValue", "InvalidAttributeValue", 400, message);

export const missingParameter = (name: string) =>
  new SqsError(
    "MissingParameter",
    "MissingParameter",
    400,
    `The request must contain the parameter ${name}.`,
  );

export const receiptHandleIsInvalid = (handle: unknown) =>
  new SqsError(
    "ReceiptHandleIsInvalid",
    "ReceiptHandleIsInvalid",
    404,
    `The input receipt handle "${String(handle)}" is not a valid receipt handle.`,
  );

export const messageNotInflight = () =>
  new SqsError(
    "MessageNotInflight",
    "AWS.SimpleQueueService.MessageNotInflight",
    400,
    "The message referred to is not in flight.",
  );

export const queueNameExists = (name: string) =>
  new SqsError(
    "QueueNameExists",
    "QueueAlreadyExists",
    400,
    `A queue already exists with the same name (${name}) and a different value for attribute(s).`,
  );

export const resourceNotFound = (message: string) =>
  new SqsError("ResourceNotFoundException", "ResourceNotFoundException", 404, message);

export const invalidMessageContents = () =>
  new SqsError(
    "InvalidMessageContents",
    "InvalidMessageContents",
    400,
    "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF",
  );

export const unsupportedOperation = (target: string) =>
  new SqsError(
    "UnsupportedOperation",
    "AWS.SimpleQueueService.UnsupportedOperation",
    400,
    `The local SQS does not implement ${target || "this operation"}.`,
  );

export const emptyBatch = () =>
  new SqsError(
    "EmptyBatchRequest",
    "AWS.SimpleQueueService.EmptyBatchRequest",
    400,
    "There should be at least one entry in the request.",
  );

export const tooManyEntries = (count: number) =>
  new SqsError(
    "TooManyEntriesInBatchRequest",
    "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
    400,
    `Maximum number of entries per request are 10. You have sent ${count}.`,
  );

export const batchIdsNotDistinct = () =>
  new SqsError(
    "BatchEntryIdsNotDistinct",
    "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
    400,
    "Two or more batch entries in the request have the same Id.",
  );
