// Hosts one rehearsed function as Lambda would: sandboxes are separate Node processes, each
// initialized once (importing the bundle) and then given one invocation at a time; a busy
// function gets another sandbox, up to its concurrency. An invocation past the function's
// timeout is stopped by killing its sandbox, whose place the next invocation takes cold.
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { ErrorInfo, FromRuntime, Invoke } from "./protocol";

export interface FunctionSpec {
  logicalId: string;
  name: string;
  arn: string;
  /** The staged asset folder (LAMBDA_TASK_ROOT) and the handler in it (`index.handler`). */
  root: string;
  handler: string;
  /** Where the runtime provides modules beyond the bundle (task.ts); unset: none. */
  nodePath?: string;
  runtime: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** The template's variables, resolved, plus the network's endpoint variables. */
  environment: Record<string, string>;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  logGroup: string;
  region: string;
  /** Sandboxes at once: the reserved concurrency, else the rehearsal's local cap. */
  concurrency: number;
  /** Sandboxes Lambda keeps initialized ahead (provisioned concurrency, on an alias); unset: none. */
  provisioned?: number;
}

/** AWS_LAMBDA_INITIALIZATION_TYPE: a sandbox started for a request, or ahead of any. */
type Initialization = "on-demand" | "provisioned-concurrency";

export interface HostOptions {
  /** The Node binary sandboxes run on, and the built runtime.ts. */
  node: string;
  runtimeFile: string;
  /** Every line the function prints (its CloudWatch log stream). */
  onLog(line: string): void;
  /** Every failed invocation: an error, a crash or a timeout. */
  onFailure(error: FunctionError): void;
}

/** A failed invocation, as Lambda reports it (errorType is e.g. `Sandbox.Timedout`). */
export class FunctionError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

/** The errorType of an invocation cut short by the rehearsal stopping. */
const STOPPED = "Rehearsal.Stopped";

/** Lambda gives a sandbox 10 s to initialize; a shared 2-core machine starting six at once needs more. */
const INIT_TIMEOUT_MS = 30_000;

export type FunctionHost = ReturnType<typeof hostFunction>;

export function hostFunction(spec: FunctionSpec, options: HostOptions) {
  const idle: Sandbox[] = [];
  const waiting: (() => void)[] = [];
  let alive = 0;
  let stopped = false;
  const all = new Set<Sandbox>();
  const stoppedError = () => new FunctionError(STOPPED, `${spec.name} is stopped`);

  const acquire = async (initialization: Initialization = "on-demand"): Promise<Sandbox> => {
    for (;;) {
      if (stopped) throw stoppedError();
      const ready = idle.pop();
      if (ready && !ready.exited) return ready;
      if (!ready && alive < spec.concurrency) {
        alive++;
        try {
          const sandbox = await startSandbox(spec, options, initialization);
          // Stopped while this one initialized: stop() could not reach it, so it ends here.
          if (stopped) {
            await sandbox.kill();
            throw stoppedError();
          }
          all.add(sandbox);
          sandbox.onExit(() => {
            alive--;
            all.delete(sandbox);
            waiting.shift()?.();
          });
          return sandbox;
        } catch (error) {
          alive--;
          waiting.shift()?.();
          throw error;
        }
      }
      if (!ready) await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  return {
    spec,
    /** Runs one invocation; rejects with FunctionError when it fails, crashes or times out. */
    async invoke(event: unknown): Promise<unknown> {
      let sandbox: Sandbox | undefined;
      try {
        sandbox = await acquire();
        return await sandbox.invoke(event);
      } catch (error) {
        // An invocation cut short by the rehearsal stopping is not the function's failure.
        if (error instanceof FunctionError && !stopped && error.errorType !== STOPPED)
          options.onFailure(error);
        throw error;
      } finally {
        if (sandbox && !sandbox.exited) {
          idle.push(sandbox);
          waiting.shift()?.();
        }
      }
    },
    /**
     * Starts sandboxes now, failing if an init fails: the provisioned ones (as through the warm
     * hours, the schedule being AWS's), else one on demand (a cold start before the first request).
     */
    async warm() {
      const provisioned = Math.min(spec.provisioned ?? 0, spec.concurrency);
      const started = await Promise.all(
        provisioned > 0
          ? Array.from({ length: provisioned }, () => acquire("provisioned-concurrency"))
          : [acquire()],
      );
      idle.push(...started);
    },
    async stop() {
      stopped = true;
      for (const wake of waiting.splice(0)) wake();
      await Promise.all([...all].map((sandbox) => sandbox.kill()));
    },
  };
}

interface Sandbox {
  readonly exited: boolean;
  invoke(event: unknown): Promise<unknown>;
  onExit(listener: () => void): void;
  kill(): Promise<void>;
}

async function startSandbox(
  spec: FunctionSpec,
  options: HostOptions,
  initialization: Initialization,
): Promise<Sandbox> {
  const child = fork(options.runtimeFile, [], {
    execPath: options.node,
    // Lambda's sandbox: the template's environment and the runtime's own variables, nothing of ours.
    execArgv: [],
    env: lambdaEnvironment(spec, initialization),
    cwd: spec.root,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  for (const stream of [child.stdout, child.stderr])
    if (stream) createInterface({ input: stream }).on("line", options.onLog);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  // Dead from the moment it is killed: a timed-out sandbox never takes another invocation.
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on("message", (message: FromRuntime) => {
    if (message.type !== "result" && message.type !== "error") return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === "result") waiter?.resolve(message.result);
    else waiter?.reject(asFunctionError(message.error));
  });
  void exited.then((signal) => {
    for (const waiter of pending.values()) waiter.reject(exitError(spec, "", signal));
    pending.clear();
  });
  await initialized(child, spec, exited);

  const kill = async () => {
    dead = true;
    child.kill("SIGKILL");
    await exited;
  };
  return {
    get exited() {
      return dead;
    },
    onExit: (listener) => void exited.then(listener),
    kill,
    invoke(event) {
      const id = randomUUID();
      const timeoutMs = spec.timeoutSeconds * 1000;
      const message: Invoke = {
        type: "invoke",
        id,
        event,
        functionArn: spec.arn,
        deadline: Date.now() + timeoutMs,
      };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          options.onLog(`${id} Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`);
          void kill();
          reject(
            new FunctionError(
              "Sandbox.Timedout",
              `Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`,
            ),
          );
        }, timeoutMs);
        const settle =
          <T>(done: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer);
            done(value);
          };
        pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
        child.send(message, (error) => {
          if (error) pending.get(id)?.reject(new FunctionError("Runtime.ExitError", error.message));
        });
      });
    },
  };
}

function initialized(child: ChildProcess, spec: FunctionSpec, exited: Promise<NodeJS.Signals | null>) {
  return new Promise<void>((resolve, reject) => {
    const fail = (error: FunctionError) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new FunctionError(
            "Runtime.InitTimeout",
            `${spec.name}: init took over ${INIT_TIMEOUT_MS / 1000} s`,
          ),
        ),
      INIT_TIMEOUT_MS,
    );
    child.once("message", (message: FromRuntime) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve();
      } else if (message.type === "init-error")
        fail(asFunctionError(message.error, `${spec.name} failed to initialize: `));
    });
    void exited.then((signal) => fail(exitError(spec, " during init", signal)));
  });
}

/**
 * A runtime gone. The host ends sandboxes with SIGKILL; one ended by SIGTERM or SIGINT was stopped
 * from outside with the rehearsal (Ctrl-C, or a test runner ending its server's process group),
 * which is not the function failing.
 */
const exitError = (spec: FunctionSpec, when: string, signal: NodeJS.Signals | null) =>
  signal === "SIGTERM" || signal === "SIGINT"
    ? new FunctionError(STOPPED, `${spec.name}: the runtime was stopped${when} (${signal})`)
    : new FunctionError("Runtime.ExitError", `${spec.name}: the runtime exited${when}`);

const asFunctionError = (error: ErrorInfo, prefix = "") =>
  new FunctionError(error.errorType, `${prefix}${error.errorMessage}`);

/** What Lambda's sandbox has in its environment besides the function's own variables. */
function lambdaEnvironment(spec: FunctionSpec, initialization: Initialization): Record<string, string> {
  return {
    ...spec.environment,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_ACCESS_KEY_ID: spec.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: spec.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: spec.credentials.sessionToken,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroup,
    AWS_LAMBDA_LOG_STREAM_NAME: `${new Date().toISOString().slice(0, 10).replaceAll("-", "/")}/[$LATEST]${randomUUID().replaceAll("-", "")}`,
    AWS_LAMBDA_INITIALIZATION_TYPE: initialization,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    _HANDLER: spec.handler,
    LAMBDA_TASK_ROOT: spec.root,
    ...(spec.nodePath ? { NODE_PATH: spec.nodePath } : {}),
    TZ: ":UTC",
    LANG: "en_US.UTF-8",
    PATH: process.env.PATH ?? "/usr/bin:/bin",
  };
}
