// The one interface every LLM provider implements: stream text for a question over a context.
import type { Tokens } from "../../budget/tokens";
import type { AgentContext } from "../context";
import type { Transcript } from "../transcript";

export interface ProviderRequest {
  question: string;
  context: AgentContext;
  /**
   * The answer as delivered so far: what an earlier attempt left, then every token of this one.
   * The provider appends each token before yielding it and, on a retry (or as a fallback model),
   * continues after all of it. The one copy of the answer a run holds.
   */
  answer: Transcript;
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
