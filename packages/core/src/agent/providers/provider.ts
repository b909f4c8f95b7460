// The one interface every LLM provider implements: stream text for a question over a context.
import type { Tokens } from "../../budget/tokens";
import type { AgentContext } from "../context";

export interface ProviderRequest {
  question: string;
  context: AgentContext;
  /** Text already delivered by an earlier attempt: the provider continues after it. */
  prefill: string;
  signal: AbortSignal;
}

/** Tokens only, cache writes and reads apart: every run is priced once, by core/src/budget. */
export type Usage = Tokens;

export interface Provider {
  readonly name: string;
  readonly model: string;
  /** Yields text chunks (tokens) as they arrive; throws on failure or abort. */
  stream(request: ProviderRequest): AsyncIterable<string>;
  /** Usage of the last completed stream. */
  usage(): Usage;
}
