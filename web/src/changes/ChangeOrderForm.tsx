// The staff form of a change order draft: what changes, why, what it costs (in the currency's
// major units, negative for a credit), how many days it adds, when the client must decide,
// attachments among the project's client-visible files, and a note clients never see.
import type { ChangeOrderInfo } from "@rehome/client";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { TextField } from "../components/Field";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { InternalBadge } from "../components/Visibility";
import { allPages } from "../hooks/allPages";
import { api } from "../session";
import { parseMoney, typedMoney } from "./money";

export type Draft = Parameters<typeof api.changeOrders.create>[1];
/** What the assistant proposed for a new one; no cost when the messages named none. */
export type Proposed = Pick<Draft, "title" | "description" | "reason" | "scheduleDeltaDays"> & {
  costDelta?: number;
};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function ChangeOrderForm({
  projectId,
  currency,
  editing,
  proposed,
  pending,
  error,
  onSave,
  onCancel,
}: {
  projectId: string;
  currency: string;
  /** The draft being edited; none for a new one. */
  editing?: ChangeOrderInfo;
  /** A new one's fields as the assistant drafted them. */
  proposed?: Proposed;
  pending: boolean;
  error: unknown;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}) {
  const files = useQuery({
    queryKey: ["files", projectId, "all"],
    queryFn: () => allPages((cursor) => api.files.list(projectId, { cursor, limit: 100 })),
  });
  const start = editing ?? proposed;
  const [cost, setCost] = useState(
    start?.costDelta === undefined ? "" : typedMoney(start.costDelta, currency),
  );
  const [attached, setAttached] = useState(new Set(editing?.attachments.map((a) => a.id)));
  const [invalid, setInvalid] = useState(false);
  const shareable = (files.data ?? []).filter((f) => f.clientVisible);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const costDelta = parseMoney(cost, currency);
    setInvalid(costDelta === undefined);
    if (costDelta === undefined) return;
    onSave({
      title: text("title"),
      description: text("description"),
      reason: text("reason"),
      costDelta,
      scheduleDeltaDays: Number(text("scheduleDeltaDays") || 0),
      decisionDue: text("decisionDue"),
      attachments: [...attached],
      internalNote: text("internalNote"),
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={editing ? `Edit ${editing.title}` : "New change order"}
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <TextField label="Title" name="title" required maxLength={200} defaultValue={start?.title} />
      </div>
      <TextArea label="What changes" name="description" defaultValue={start?.description} />
      <TextArea label="Why" name="reason" defaultValue={start?.reason} rows={3} />
      <TextField
        label={`Cost (${currency})`}
        name="costDelta"
        inputMode="decimal"
        required
        value={cost}
        onChange={(event) => setCost(event.target.value)}
        aria-invalid={invalid || undefined}
        help={invalid ? "Type an amount such as 1250.00, or -80 for a credit." : "Negative for a credit."}
      />
      <TextField
        label="Schedule change (days)"
        name="scheduleDeltaDays"
        type="number"
        step={1}
        defaultValue={start?.scheduleDeltaDays ?? 0}
      />
      <TextField
        label="Decision due"
        name="decisionDue"
        type="date"
        required
        defaultValue={editing?.decisionDue ?? inDays(7)}
      />
      {shareable.length > 0 && (
        <fieldset className="sm:col-span-2">
          <legend className={ui.label}>Attachments</legend>
          <ul className="mt-1 grid gap-1 sm:grid-cols-2">
            {shareable.map((file) => (
              <li key={file.id}>
                <label className="flex items-center gap-2 text-sm [overflow-wrap:anywhere]">
                  <input
                    type="checkbox"
                    className="size-4 accent-emerald-700"
                    checked={attached.has(file.id)}
                    onChange={(event) => {
                      const next = new Set(attached);
                      if (event.target.checked) next.add(file.id);
                      else next.delete(file.id);
                      setAttached(next);
                    }}
                  />
                  {file.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="sm:col-span-2">
        <TextArea
          label={
            <>
              Internal note <InternalBadge />
            </>
          }
          name="internalNote"
          defaultValue={editing?.internalNote}
          rows={2}
        />
      </div>
      {Boolean(error) && <Failed error={error} className="sm:col-span-2" />}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <button type="submit" className={ui.primary} disabled={pending}>
          {editing ? "Save draft" : "Save as draft"}
        </button>
        <button type="button" className={ui.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TextArea({
  label,
  name,
  defaultValue,
  rows = 4,
}: {
  label: React.ReactNode;
  name: string;
  defaultValue?: string;
  rows?: number;
}) {
  return (
    <label className={ui.label}>
      {label}
      <textarea name={name} rows={rows} defaultValue={defaultValue} className={`${ui.field} mt-1`} />
    </label>
  );
}
