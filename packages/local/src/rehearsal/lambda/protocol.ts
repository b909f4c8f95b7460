// The messages between a rehearsed function's process (runtime.ts) and its host (functions.ts),
// over Node's IPC channel: one init, then one invocation at a time, as in a Lambda sandbox.

export interface ErrorInfo {
  errorType: string;
  errorMessage: string;
  stack?: string[];
}

export type FromRuntime =
  | { type: "ready" }
  | { type: "init-error"; error: ErrorInfo }
  | { type: "result"; id: string; result: unknown }
  | { type: "error"; id: string; error: ErrorInfo };

export interface Invoke {
  type: "invoke";
  id: string;
  event: unknown;
  /** context.invokedFunctionArn. */
  functionArn: string;
  /** Epoch ms when the function's timeout ends (context.getRemainingTimeInMillis). */
  deadline: number;
}
