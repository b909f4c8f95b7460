// The workspace's assistant budgets, edited in dollars: per person per day, workspace per day
// and per month. 0 is no limit; at 80% admins are warned, at 100% new questions are refused.
import type { Budgets } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TextField } from "../../components/Field";
import { Failed, Loading } from "../../components/States";
import { ui } from "../../components/ui";
import { api } from "../../session";
import { centsToDollars, dollarsToCents } from "./money";

const FIELDS: { name: keyof Budgets; label: string }[] = [
  { name: "userDailyCents", label: "Per person per day" },
  { name: "workspaceDailyCents", label: "Workspace per day" },
  { name: "workspaceMonthlyCents", label: "Workspace per month" },
];

export function BudgetsForm({ workspaceId }: { workspaceId: string }) {
  const queries = useQueryClient();
  const key = ["budgets", workspaceId];
  const budgets = useQuery({ queryKey: key, queryFn: () => api.budgets(workspaceId) });
  const save = useMutation({
    mutationFn: (next: Budgets) => api.setBudgets(workspaceId, next),
    onSuccess: (saved) => {
      queries.setQueryData(key, saved);
      return queries.invalidateQueries({ queryKey: ["usage", workspaceId] });
    },
  });
  return (
    <section aria-labelledby="budgets-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="budgets-title" className="font-semibold">
        Budgets
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        In dollars; 0 means no limit. Admins are warned at 80%, and at 100% new questions are refused until
        the day or month is over.
      </p>
      {budgets.isPending && <Loading what="the budgets" />}
      {budgets.isError && <Failed error={budgets.error} retry={() => budgets.refetch()} />}
      {budgets.data && (
        <form
          // A fresh form whenever saved values come back, so the fields show what is in force.
          key={JSON.stringify(budgets.data)}
          aria-label="Budgets"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const value = (name: keyof Budgets) => dollarsToCents(String(data.get(name)));
            save.mutate({
              userDailyCents: value("userDailyCents"),
              workspaceDailyCents: value("workspaceDailyCents"),
              workspaceMonthlyCents: value("workspaceMonthlyCents"),
            });
          }}
        >
          {FIELDS.map((field) => (
            <TextField
              key={field.name}
              label={`${field.label} ($)`}
              name={field.name}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              required
              defaultValue={centsToDollars(budgets.data[field.name])}
              labelClassName="w-48"
            />
          ))}
          <button type="submit" className={ui.primary} disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save budgets"}
          </button>
          <p role="status" className="w-full text-sm text-emerald-800">
            {save.isSuccess && !save.isPending ? "Budgets saved." : ""}
          </p>
          {save.isError && <Failed error={save.error} className="w-full" />}
        </form>
      )}
    </section>
  );
}
