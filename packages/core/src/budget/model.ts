// A workspace's AI model: its admin chooses one from the configured allowlist (AI_MODELS), seeing
// each one's prices; absent, or since taken off the list, AI_MODEL answers. Changing it is audited.
import * as z from "zod";
import type { Actor } from "../actor";
import { Audit } from "../audit";
import { config } from "../config";
import { notFound, VisibleError } from "../error";
import { requireWrite } from "../policy";
import { WorkspaceEntity } from "../workspace/entity";
import { pricesOf } from "./counters";
import { requireAdminOf } from "./settings";

export const ModelChoice = z
  .object({ model: z.string().trim().min(1).max(200) })
  .strict()
  .meta({ id: "AiModelChoice" });

const Prices = z
  .object({ input: z.number(), output: z.number(), cacheWrite: z.number(), cacheRead: z.number() })
  .meta({ id: "ModelPrices", description: "US cents per million tokens" });

export const AiSettings = z
  .object({
    /** The model that answers this workspace's questions and writes its digests. */
    model: z.string(),
    /** AI_MODEL: what answers when no choice is made. */
    defaultModel: z.string(),
    /** Answers when the chosen model is overloaded or keeps failing; null: none configured. */
    fallbackModel: z.string().nullable(),
    models: z.array(z.object({ id: z.string(), prices: Prices })),
    /** `offline` while no API key is set: the offline assistant answers, whatever is chosen. */
    provider: z.enum(["anthropic", "offline"]),
  })
  .meta({ id: "AiSettings" });
export type AiSettings = z.infer<typeof AiSettings>;

/** The model in force for a workspace (no actor: the worker and the digests ask too). */
export async function modelOf(workspaceId: string): Promise<string> {
  const { data } = await WorkspaceEntity().get({ workspaceId }).go();
  if (!data) throw notFound("workspace");
  return allowed(data.aiModel) ?? config().ai.model;
}

export async function aiSettings(actor: Actor, workspaceId: string): Promise<AiSettings> {
  requireAdminOf(actor, workspaceId);
  return settingsWith(await modelOf(workspaceId));
}

export async function chooseModel(
  actor: Actor,
  workspaceId: string,
  input: z.input<typeof ModelChoice>,
): Promise<AiSettings> {
  requireAdminOf(actor, workspaceId);
  requireWrite(actor);
  const { model } = ModelChoice.parse(input);
  if (!allowed(model))
    throw new VisibleError("ai.model_not_allowed", "Choose one of the models on offer.", 422, {
      models: config().ai.models,
    });
  const before = await modelOf(workspaceId);
  await WorkspaceEntity().patch({ workspaceId }).set({ aiModel: model }).go();
  await Audit.record(actor, {
    action: "ai.model_chosen",
    targetType: "workspace",
    targetId: workspaceId,
    summary: `Chose the AI model ${model}`,
    details: { before, after: model },
  });
  return settingsWith(model);
}

const allowed = (model: string | undefined) =>
  model && config().ai.models.includes(model) ? model : undefined;

function settingsWith(model: string): AiSettings {
  const { ai } = config();
  return {
    model,
    defaultModel: ai.model,
    fallbackModel: ai.fallbackModel ?? null,
    models: ai.models.map((id) => ({ id, prices: pricesOf(id) })),
    provider: ai.provider,
  };
}
