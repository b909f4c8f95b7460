// The provider this deployment answers with: Anthropic when a key is configured, else the
// embedded offline one. Shared by the agent worker and the digest writer.
import { config } from "../../config";
import { anthropicProvider } from "./anthropic";
import { offlineProvider } from "./offline";
import type { Provider } from "./provider";

/** `paced: false` streams the offline answer at once: nobody watches a digest being written. */
export function configuredProvider(options: { paced?: boolean } = {}): Provider {
  const { ai } = config();
  if (ai.provider === "anthropic" && ai.anthropicApiKey) {
    return anthropicProvider({
      apiKey: ai.anthropicApiKey,
      baseURL: ai.anthropicBaseUrl,
      model: ai.model,
      maxTokens: ai.maxTokens,
      temperature: ai.temperature,
      effort: ai.effort,
      timeoutMs: ai.timeoutMs,
      maxRetries: ai.maxRetries,
    });
  }
  return offlineProvider(options.paced === false ? 0 : ai.offlineTokensPerSec);
}
