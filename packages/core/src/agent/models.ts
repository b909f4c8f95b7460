// The models that may answer for a workspace, in order: its chosen model, then AI_FALLBACK_MODEL,
// or the offline provider alone without an API key. The API reads it (a question records who may
// answer) without loading any provider; streaming from them is fallback.ts, in the worker only.
import { Budget } from "../budget";
import { config } from "../config";

/** The model name offline runs are recorded (and priced, at the default row) under. */
export const OFFLINE_MODEL = "offline";

/** Whether answers come from Anthropic's models (else from the offline provider). */
export const usesAnthropic = () =>
  config().ai.provider === "anthropic" && Boolean(config().ai.anthropicApiKey);

/** The workspace's model, then the fallback; the offline provider alone without an API key. */
export async function modelsFor(workspaceId: string): Promise<string[]> {
  if (!usesAnthropic()) return [OFFLINE_MODEL];
  const fallback = config().ai.fallbackModel;
  return [...new Set([await Budget.modelOf(workspaceId), ...(fallback ? [fallback] : [])])];
}
