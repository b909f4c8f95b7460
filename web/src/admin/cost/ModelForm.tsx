// The workspace's AI model, chosen from those the deployment offers, each with its prices per
// million tokens (cache writes and reads too); the fallback model that stands in is named.
import type { AiSettings } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SelectField } from "../../components/Field";
import { Failed, Loading } from "../../components/States";
import { ui } from "../../components/ui";
import { api } from "../../session";
import { formatCents } from "./money";

const pricesOf = ({ prices }: AiSettings["models"][number]) =>
  `${formatCents(prices.input)} in, ${formatCents(prices.output)} out, cache ${formatCents(prices.cacheWrite)} write / ${formatCents(prices.cacheRead)} read per million tokens`;

export function ModelForm({ workspaceId }: { workspaceId: string }) {
  const queries = useQueryClient();
  const key = ["ai-settings", workspaceId];
  const settings = useQuery({ queryKey: key, queryFn: () => api.aiSettings(workspaceId) });
  const save = useMutation({
    mutationFn: (model: string) => api.chooseModel(workspaceId, model),
    onSuccess: (saved) => queries.setQueryData(key, saved),
  });
  return (
    <section aria-labelledby="model-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="model-title" className="font-semibold">
        AI model
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        The model that answers your workspace's questions and writes its digests. Each answer names the model
        that wrote it.
      </p>
      {settings.isPending && <Loading what="the AI settings" />}
      {settings.isError && <Failed error={settings.error} retry={() => settings.refetch()} />}
      {settings.data && (
        <form
          key={settings.data.model}
          aria-label="AI model"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(String(new FormData(event.currentTarget).get("model")));
          }}
        >
          <SelectField label="Model" name="model" defaultValue={settings.data.model} labelClassName="w-72">
            {settings.data.models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.id}
                {model.id === settings.data.defaultModel ? " (default)" : ""}
              </option>
            ))}
          </SelectField>
          <button type="submit" className={ui.primary} disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Use this model"}
          </button>
          <p role="status" className="w-full text-sm text-emerald-800">
            {save.isSuccess && !save.isPending ? "Model saved." : ""}
          </p>
          {save.isError && <Failed error={save.error} className="w-full" />}
          <ul className="w-full space-y-1 text-xs text-slate-600">
            {settings.data.models.map((model) => (
              <li key={model.id}>
                <span className="font-medium">{model.id}</span>: {pricesOf(model)}
              </li>
            ))}
          </ul>
          <p className="w-full text-xs text-slate-600">
            {settings.data.fallbackModel
              ? `When the chosen model is overloaded or failing, ${settings.data.fallbackModel} answers instead.`
              : "No fallback model is configured."}
            {settings.data.provider === "offline" &&
              " No API key is set, so the offline assistant answers whatever is chosen."}
          </p>
        </form>
      )}
    </section>
  );
}
