// The provider of one model: Anthropic when a key is configured, else the embedded offline one
// (whatever model was asked for). Shared by the agent worker and the digest writer.
import { config } from "../../config";
import { OFFLINE_MODEL, usesAnthropic } from "../models";
import { anthropicProvider } from "./anthropic";
import { offlineProvider } from "./offline";
import type { Provider } from "./provider";

export interface ProviderOptions {
  /** `false` streams the offline answer at once: nobody watches a digest being written. */
  paced?: boolean;
  /** Give up on a 529 at once, without retrying: a fallback model answers instead. */
  failFastOnOverload?: boolean;
}

export function providerFor(model: string, options: ProviderOptions = {}): Provider {
  const { ai } = config();
  if (usesAnthropic() && ai.anthropicApiKey && model !== OFFLINE_MODEL) {
    return anthropicProvider({
      apiKey: ai.anthropicApiKey,
      baseURL: ai.anthropicBaseUrl,
      model,
      maxTokens: ai.maxTokens,
      temperature: ai.temperature,
      effort: ai.effort,
      timeoutMs: ai.timeoutMs,
      maxRetries: ai.maxRetries,
      failFastOnOverload: options.failFastOnOverload ?? false,
    });
  }
  return offlineProvider(options.paced === false ? 0 : ai.offlineTokensPerSec);
}
