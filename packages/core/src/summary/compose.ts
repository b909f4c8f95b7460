// Writes a digest's text with the configured provider (Anthropic, or the offline one), one
// prompt after another over one scoped context, and books its cost against the workspace.
import type { AgentContext } from "../agent/context";
import { configuredProvider } from "../agent/providers/configured";
import { Budget } from "../budget";
import { config } from "../config";

export async function compose(
  workspaceId: string,
  prompts: string[],
  context: AgentContext,
): Promise<string> {
  const provider = configuredProvider({ paced: false });
  const signal = AbortSignal.timeout(config().ai.timeoutMs);
  const usage = { tokensIn: 0, tokensOut: 0 };
  const parts: string[] = [];
  for (const question of prompts) {
    let part = "";
    for await (const token of provider.stream({ question, context, prefill: "", signal })) part += token;
    parts.push(part.trim());
    usage.tokensIn += provider.usage().tokensIn;
    usage.tokensOut += provider.usage().tokensOut;
  }
  await Budget.record({ workspaceId, ...usage, costCents: Budget.costOf(usage) });
  return `${parts.join("\n\n")}\n`;
}
