// The runtime inside one rehearsed function's process, like Lambda's Node.js runtime: imports the
// handler named by _HANDLER from LAMBDA_TASK_ROOT once (init), then runs the invocations its host
// sends, one at a time, with a Lambda context. Built on its own (no tsx) so it runs on any Node.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ErrorInfo, FromRuntime, Invoke } from "./protocol";

type Handler = (
  event: unknown,
  context: object,
  callback?: (error: unknown, result?: unknown) => void,
) => unknown;

const send = (message: FromRuntime) => process.send?.(message);

const toError = (error: unknown, fallbackType = "Error"): ErrorInfo => {
  const e = error instanceof Error ? error : new Error(String(error));
  return { errorType: e.name || fallbackType, errorMessage: e.message, stack: e.stack?.split("\n") };
};

async function init(): Promise<Handler> {
  const root = process.env.LAMBDA_TASK_ROOT ?? ".";
  const spec = process.env._HANDLER ?? "index.handler";
  const dot = spec.lastIndexOf(".");
  const [modulePath, exportName] = [spec.slice(0, dot), spec.slice(dot + 1)];
  const file = [".mjs", ".js", ".cjs"].map((ext) => join(root, modulePath + ext)).find(existsSync);
  if (!file)
    throw Object.assign(new Error(`Cannot find module '${modulePath}'`), {
      name: "Runtime.ImportModuleError",
    });
  const module = await import(pathToFileURL(file).href);
  const handler = module[exportName] ?? module.default?.[exportName];
  if (typeof handler !== "function")
    throw Object.assign(new Error(`${spec} is undefined or not exported`), {
      name: "Runtime.HandlerNotFound",
    });
  return handler;
}

function context(invoke: Invoke) {
  const name = process.env.AWS_LAMBDA_FUNCTION_NAME ?? "";
  return {
    functionName: name,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION ?? "$LATEST",
    invokedFunctionArn: invoke.functionArn,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? "128",
    awsRequestId: invoke.id,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME ?? "",
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? "",
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, invoke.deadline - Date.now()),
  };
}

function call(handler: Handler, invoke: Invoke): Promise<unknown> {
  // Handlers with three parameters may answer through the callback instead of a promise.
  if (handler.length >= 3)
    return new Promise((resolve, reject) => {
      handler(invoke.event, context(invoke), (error, result) => (error ? reject(error) : resolve(result)));
    });
  return Promise.resolve(handler(invoke.event, context(invoke)));
}

let current: Invoke | undefined;
const crash = (error: unknown) => {
  // Like Lambda: an error escaping the handler fails the invocation and the sandbox is replaced.
  if (current)
    send({ type: "error", id: current.id, error: toError(error, "Runtime.UnhandledPromiseRejection") });
  process.exitCode = 129;
  setImmediate(() => process.exit(129));
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
// A sandbox never outlives its host, however the host ended.
process.on("disconnect", () => process.exit(0));

try {
  const handler = await init();
  process.on("message", async (invoke: Invoke) => {
    current = invoke;
    try {
      const result = await call(handler, invoke);
      send({ type: "result", id: invoke.id, result: result ?? null });
    } catch (error) {
      send({ type: "error", id: invoke.id, error: toError(error) });
    } finally {
      current = undefined;
    }
  });
  send({ type: "ready" });
} catch (error) {
  send({ type: "init-error", error: toError(error, "Runtime.ImportModuleError") });
  process.exit(1);
}
