// The stream benchmark's process plumbing: the driver forks each side (the stack, the fake
// provider) as its own Node process so no two share an event loop, and calls them over IPC.
import { type ChildProcess, fork } from "node:child_process";

type Handlers = Record<string, (payload: never) => unknown>;
type Reply = { id: number; result?: unknown; error?: string };

export interface Child<Ready> {
  ready: Ready;
  call<T>(method: string, payload?: unknown): Promise<T>;
  /** Asks the child to stop, and waits for it to exit. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Node flags for the child (after this process's own, unless `plain`). */
  nodeFlags?: string[];
  /**
   * A JavaScript file run by Node alone, without this process's loader flags: what it imports is
   * loaded as Node loads it, not transformed (the TypeScript loader would recompile a bundle and
   * give it inline source maps, each a copy the heap keeps).
   */
  plain?: boolean;
}

/**
 * Forks `file` (with this process's loader flags, so TypeScript runs, unless `plain`) and waits
 * for its ready message.
 */
export async function spawnChild<Ready>(
  file: string,
  argument: unknown,
  { nodeFlags = [], plain = false }: SpawnOptions = {},
): Promise<Child<Ready>> {
  const child = fork(file, [JSON.stringify(argument)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: [...(plain ? [] : process.execArgv), ...nodeFlags],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { ready: Ready }).ready));
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (message) => {
    const reply = message as Reply;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.result);
  });
  child.once("exit", (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${file} exited with ${code}`));
  });
  const call = <T>(method: string, payload?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, method, payload });
    });
  return {
    ready,
    call,
    stop: async () => {
      await call("stop").catch(() => undefined);
      await exited;
    },
  };
}

/** The child's side: its argument, as given to spawnChild. */
export const argument = <T>() => JSON.parse(process.argv[2] ?? "null") as T;

/** Announces readiness and answers the driver's calls; `stop` ends the process after its handler. */
export function serve(ready: unknown, handlers: Handlers & { stop: () => unknown }) {
  const parent = process as ChildProcess & NodeJS.Process;
  parent.on("message", async (message: { id: number; method: string; payload: never }) => {
    const handler = handlers[message.method];
    const answer = (reply: Omit<Reply, "id">) =>
      parent.send({ id: message.id, ...reply }, () => message.method === "stop" && process.exit(0));
    try {
      if (!handler) throw new Error(`no such call: ${message.method}`);
      answer({ result: await handler(message.payload) });
    } catch (error) {
      answer({ error: String(error) });
    }
  });
  parent.send({ ready });
}
