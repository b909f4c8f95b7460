// An in-memory SQS speaking the AWS JSON 1.0 protocol of the SDK v3 client (POST /,
// X-Amz-Target: AmazonSQS.<Operation>), with errors the SDK turns into its exception classes.
// The queue semantics live in queues.ts; this file only frames requests and answers.
import { createServer, type ServerResponse } from "node:http";
import { ACCOUNT, REGION } from "../account";
import { type Authorize, accessKeyOf } from "../authorize";
import { answerJson, listenLocal, readJson } from "../aws-json";
import { SqsError, unsupportedOperation } from "./errors";
import { queueOperations } from "./queues";

export interface SqsServer {
  /** Queue URLs are `${endpoint}/000000000000/${name}`. */
  endpoint: string;
  stop(): Promise<void>;
}

const JSON_1_0 = "application/x-amz-json-1.0";

export interface SqsOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Asked before every operation (the rehearsal's IAM check); omitted: everyone may do anything. */
  authorize?: Authorize;
}

export async function startSqs(options: SqsOptions = {}): Promise<SqsServer> {
  let endpoint = "";
  const { operations, close } = queueOperations(() => endpoint);
  const isOperation = (name: string): name is keyof typeof operations => Object.hasOwn(operations, name);

  const server = createServer(async (req, res) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    const name = target.replace(/^AmazonSQS\./, "");
    try {
      const input = await readJson(req);
      if (req.method !== "POST" || !isOperation(name)) throw unsupportedOperation(target);
      const denial = options.authorize?.({
        accessKeyId: accessKeyOf(req),
        action: actionOf(name),
        resource: resourceOf(input),
      });
      if (denial) throw new SqsError("AccessDenied", "AccessDenied", 403, denial);
      const output = await operations[name](input as never);
      answer(res, 200, output);
    } catch (error) {
      if (error instanceof SqsError) {
        // SQS is "query compatible": the SDK picks the exception class from x-amzn-query-error.
        return answer(
          res,
          error.status,
          { __type: `com.amazonaws.sqs#${error.type}`, message: error.message },
          { "x-amzn-query-error": `${error.queryCode};Sender` },
        );
      }
      // Also reached when the client went away mid-request; answering then is a no-op.
      if (!res.headersSent && !res.destroyed)
        answer(res, 500, { __type: "com.amazonaws.sqs#InternalError", message: String(error) });
    }
  });
  const listening = await listenLocal(server, options.port);
  endpoint = listening.endpoint;
  return {
    endpoint,
    stop: async () => {
      close();
      await listening.stop();
    },
  };
}

/** The IAM action of an operation: a batch is authorized as its single form (SendMessageBatch → sqs:SendMessage). */
const actionOf = (operation: string) => `sqs:${operation.replace(/Batch$/, "")}`;

/** The queue's ARN, from QueueUrl, QueueName or SourceArn; `*` for account-wide operations. */
function resourceOf(input: Record<string, unknown>) {
  if (typeof input.SourceArn === "string") return input.SourceArn;
  const name =
    typeof input.QueueUrl === "string"
      ? input.QueueUrl.split("/").pop()
      : (input.QueueName as string | undefined);
  return name ? `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}` : "*";
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  answerJson(res, JSON_1_0, status, body, headers);
}
