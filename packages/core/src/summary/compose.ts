// Writes a digest's text with the configured provider (Anthropic, or the offline one), one
// prompt after another over one scoped context, and books its cost against the workspace. The
// provider's circuit breaker governs digests as it does answers: while it is open no digest calls
// the provider, and a digest's success or failure counts in its streak.
import { admit, record } from "../agent/breaker";
import type { AgentContext } from "../agent/context";
import { configuredProvider } from "../agent/providers/configured";
import { Budget } from "../budget";
import { config } from "../config";

/** The breaker refused the call: the provider keeps failing. */
export class ProviderRefused extends Error {}

export async function compose(
  workspaceId: string,
  summaryId: string,
  prompts: string[],
  context: AgentContext,
): Promise<string> {
  const admission = await admit(summaryId);
  if (admission === "refused") throw new ProviderRefused("the AI provider's circuit breaker is open");
  const provider = configuredProvider({ paced: false });
  const signal = AbortSignal.timeout(config().ai.timeoutMs);
  const usage = { tokensIn: 0, tokensOut: 0 };
  const parts: string[] = [];
  try {
    for (const question of prompts) {
      let part = "";
      for await (const token of provider.stream({ question, context, prefill: "", signal })) part += token;
      parts.push(part.trim());
      usage.tokensIn += provider.usage().tokensIn;
      usage.tokensOut += provider.usage().tokensOut;
    }
  } catch (error) {
    await record(summaryId, admission, "failure");
    throw error;
  }
  await record(summaryId, admission, "success");
  await Budget.record({ workspaceId, ...usage, costCents: Budget.costOf(usage) });
  return `${parts.join("\n\n")}\n`;
}
