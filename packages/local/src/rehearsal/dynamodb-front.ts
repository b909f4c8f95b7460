// An IAM-checking front for DynamoDB Local, which accepts any credentials: it reads each request's
// operation and tables, asks `authorize` for each (a transaction or batch needs the right on every
// table it touches, transactions per contained action, as in DynamoDB), answers
// AccessDeniedException as DynamoDB does, and passes everything else through unchanged.
import { createServer, type IncomingMessage, request } from "node:http";
import { ACCOUNT, REGION } from "../account";
import { type AccessRequest, type Authorize, accessKeyOf, firstDenial } from "../authorize";
import { answerJson, listenLocal } from "../aws-json";

export async function startDynamoFront(options: { port?: number; target: string; authorize: Authorize }) {
  const target = new URL(options.target);
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    const denial = firstDenial(options.authorize, accessOf(req, body));
    if (denial)
      return answerJson(res, "application/x-amz-json-1.0", 400, {
        __type: "com.amazon.coral.service#AccessDeniedException",
        Message: denial,
      });
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    upstream.end(body);
  });
  return listenLocal(server, options.port);
}

/** Transactions are authorized per item action; everything else by its own name. */
const TRANSACT_ACTIONS: Record<string, string> = {
  Put: "PutItem",
  Update: "UpdateItem",
  Delete: "DeleteItem",
  ConditionCheck: "ConditionCheckItem",
  Get: "GetItem",
};

function accessOf(req: IncomingMessage, body: Buffer): AccessRequest[] {
  const operation = String(req.headers["x-amz-target"] ?? "").replace(/^DynamoDB_\d+\./, "");
  const input = parse(body);
  const accessKeyId = accessKeyOf(req);
  const tableArn = (name: string) =>
    name.startsWith("arn:") ? name : `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
  const on = (action: string, resource: string) => ({ accessKeyId, action: `dynamodb:${action}`, resource });

  if (operation === "TransactWriteItems" || operation === "TransactGetItems")
    return (input.TransactItems ?? []).flatMap((item: Record<string, { TableName?: string }>) =>
      Object.entries(item).map(([kind, detail]) =>
        on(TRANSACT_ACTIONS[kind] ?? kind, tableArn(String(detail?.TableName))),
      ),
    );
  if (operation === "BatchGetItem" || operation === "BatchWriteItem")
    return Object.keys(input.RequestItems ?? {}).map((table) => on(operation, tableArn(table)));
  if (typeof input.TableName !== "string") return [on(operation, "*")];
  const index = typeof input.IndexName === "string" ? `/index/${input.IndexName}` : "";
  return [on(operation, `${tableArn(input.TableName)}${index}`)];
}

function parse(body: Buffer): Record<string, any> {
  try {
    return JSON.parse(body.toString("utf8")) ?? {};
  } catch {
    return {};
  }
}

async function readAll(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
