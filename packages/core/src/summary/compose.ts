// Writes a digest's text with the workspace's models (Anthropic, or the offline one), one prompt
// after another over one scoped context, and books its cost against the workspace, per model.
// The models' circuit breakers govern digests as they do answers: while every model's is open no
// digest calls a provider, a failing model gives way to the fallback, and each call counts.
import { record } from "../agent/breaker";
import type { AgentContext } from "../agent/context";
import { type Answering, admitFirst, configuredMaker, Refused, streamAnswer } from "../agent/fallback";
import { modelsFor } from "../agent/models";
import { Transcript } from "../agent/transcript";
import { Budget } from "../budget";
import { config } from "../config";
import { withDatesInWords } from "../words";

/** The breaker refused the call: the provider keeps failing. */
export class ProviderRefused extends Error {}

export async function compose(
  workspaceId: string,
  summaryId: string,
  prompts: string[],
  context: AgentContext,
): Promise<string> {
  const models = await modelsFor(workspaceId);
  const signal = AbortSignal.timeout(config().ai.timeoutMs);
  const spent = new Map<string, Budget.Tokens>();
  const parts: string[] = [];
  const answering: Answering = {};
  try {
    for (const question of prompts) {
      const admitted = await admitFirst(models, summaryId);
      if (!admitted) throw new Refused();
      const answer = new Transcript();
      const request = { question, context, answer, signal };
      for await (const _token of streamAnswer(
        admitted,
        summaryId,
        request,
        answering,
        configuredMaker(false),
      )) {
        // The request's answer gathers the tokens.
      }
      parts.push(answer.toString().trim());
      const model = answering.model ?? models[0] ?? "";
      spent.set(
        model,
        Budget.addTokens(
          spent.get(model) ?? Budget.NO_TOKENS,
          answering.provider?.usage() ?? Budget.NO_TOKENS,
        ),
      );
    }
  } catch (error) {
    if (error instanceof Refused) throw new ProviderRefused("the AI provider's circuit breaker is open");
    if (answering.model && answering.admission)
      await record(summaryId, answering.model, answering.admission, "failure");
    throw error;
  }
  for (const [model, usage] of spent)
    await Budget.record({ workspaceId, model, ...usage, costCents: Budget.costOf(usage, model) });
  // Whatever the model wrote, its dates read as people say them, like the rest of our text.
  return `${withDatesInWords(parts.join("\n\n"))}\n`;
}
