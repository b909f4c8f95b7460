// The project's original budget, set or cleared by an admin from the totals it heads.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { TextField } from "../components/Field";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { projectKey } from "../hooks/useProject";
import { api } from "../session";
import { parseMoney, typedMoney } from "./money";

export function BudgetEditor({
  projectId,
  budget,
  currency,
  onDone,
}: {
  projectId: string;
  budget: number | null;
  currency: string;
  onDone: () => void;
}) {
  const queries = useQueryClient();
  const [typed, setTyped] = useState(budget === null ? "" : typedMoney(budget, currency));
  const amount = typed.trim() === "" ? null : parseMoney(typed, currency);
  const save = useMutation({
    mutationFn: () => api.projects.update(projectId, { budget: amount ?? null }),
    onSuccess: async (project) => {
      queries.setQueryData(projectKey(projectId), project);
      await queries.invalidateQueries({ queryKey: ["totals", projectId] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amount !== undefined && (amount === null || amount >= 0)) save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Original budget" className="mb-4 flex flex-wrap items-end gap-2">
      <TextField
        label={`Original budget (${currency})`}
        inputMode="decimal"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        aria-invalid={amount === undefined || (amount !== null && amount < 0) || undefined}
        help="Leave empty for no budget."
        labelClassName="min-w-0 grow basis-48"
      />
      <button type="submit" className={ui.primary} disabled={save.isPending}>
        Save budget
      </button>
      <button type="button" className={ui.secondary} onClick={onDone}>
        Cancel
      </button>
      {save.isError && <Failed error={save.error} className="basis-full" />}
    </form>
  );
}
