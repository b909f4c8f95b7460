// An in-memory SQS speaking the AWS JSON 1.0 protocol of the SDK v3 client (POST /,
// X-Amz-Target: AmazonSQS.<Operation>), with errors the SDK turns into its exception classes.
// The queue semantics live in queues.ts; this file only frames requests and answers.
import { createServer, type ServerResponse } from "node:http";
import { answerJson, listenLocal, readJson } from "../aws-json";
import { SqsError, unsupportedOperation } from "./errors";
import { queueOperations } from "./queues";

export interface SqsServer {
  /** Queue URLs are `${endpoint}/000000000000/${name}`. */
  endpoint: string;
  stop(): Promise<void>;
}

const JSON_1_0 = "application/x-amz-json-1.0";

export async function startSqs(options: { port?: number } = {}): Promise<SqsServer> {
  let endpoint = "";
  const { operations, close } = queueOperations(() => endpoint);
  const isOperation = (name: string): name is keyof typeof operations => Object.hasOwn(operations, name);

  const server = createServer(async (req, res) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    const name = target.replace(/^AmazonSQS\./, "");
    try {
      const input = await readJson(req);
      if (req.method !== "POST" || !isOperation(name)) throw unsupportedOperation(target);
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

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  answerJson(res, JSON_1_0, status, body, headers);
}
