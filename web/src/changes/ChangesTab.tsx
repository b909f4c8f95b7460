// A project's Changes tab: the running totals (original budget, approved, awaiting a decision),
// then the change orders newest first. Staff draft, edit, send and withdraw them; a client sees
// the sent ones and approves or declines each with their typed name, then the signed record.
// ?draft=ID opens the change order the assistant drafted from messages, in the form, for staff.
import type { ChangeOrderInfo, ProjectTotals } from "@rehome/client";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { ListStates, LoadMore } from "../components/States";
import { ui } from "../components/ui";
import { DraftedChangeOrder } from "../drafts/DraftedChangeOrder";
import { usePermissions } from "../hooks/useProject";
import { BudgetEditor } from "./BudgetEditor";
import { ChangeOrderCard } from "./ChangeOrderCard";
import { ChangeOrderForm, type Draft } from "./ChangeOrderForm";
import { money } from "./money";
import { useChangeOrders } from "./useChangeOrders";

export function ChangesTab() {
  const { projectId = "" } = useParams();
  const orders = useChangeOrders(projectId);
  const { can, role } = usePermissions(projectId);
  const [editing, setEditing] = useState<ChangeOrderInfo | "new">();
  const [budgeting, setBudgeting] = useState(false);
  const [params, setParams] = useSearchParams();
  const currency = orders.totals.data?.currency ?? "USD";
  const drafted = can("change_order", "create") ? params.get("draft") : null;
  const closeDraft = () => setParams({}, { replace: true });
  const creates = can("change_order", "create") && !editing && !drafted;
  const budgets = role === "admin" && !budgeting;
  const save = (draft: Draft) => {
    const done = { onSuccess: () => setEditing(undefined) };
    if (editing === "new") orders.create.mutate(draft, done);
    else if (editing) orders.update.mutate({ id: editing.id, input: draft }, done);
  };

  return (
    <section aria-label="Change orders">
      {orders.totals.data && <Totals totals={orders.totals.data} />}
      {budgeting && orders.totals.data && (
        <BudgetEditor
          projectId={projectId}
          budget={orders.totals.data.budget}
          currency={currency}
          onDone={() => setBudgeting(false)}
        />
      )}
      {(creates || budgets) && (
        <div className="mb-4 flex flex-wrap gap-2">
          {creates && (
            <button type="button" className={ui.primary} onClick={() => setEditing("new")}>
              New change order
            </button>
          )}
          {budgets && (
            <button type="button" className={ui.secondary} onClick={() => setBudgeting(true)}>
              Edit budget
            </button>
          )}
        </div>
      )}
      {drafted && (
        <DraftedChangeOrder
          projectId={projectId}
          draftId={drafted}
          currency={currency}
          pending={orders.create.isPending}
          error={orders.create.error}
          onSave={(draft) => orders.create.mutate(draft, { onSuccess: closeDraft })}
          onDiscard={closeDraft}
        />
      )}
      {editing && (
        <ChangeOrderForm
          key={editing === "new" ? "new" : editing.id}
          projectId={projectId}
          currency={currency}
          editing={editing === "new" ? undefined : editing}
          pending={orders.create.isPending || orders.update.isPending}
          error={editing === "new" ? orders.create.error : orders.update.error}
          onSave={save}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <ListStates
        list={orders.list}
        what="change orders"
        count={orders.list.items.length}
        empty="No change orders yet."
      />
      <ul className="grid gap-3">
        {orders.list.items.map((order) => (
          <li key={order.id}>
            <ChangeOrderCard
              projectId={projectId}
              order={order}
              currency={currency}
              actions={orders}
              onEdit={() => setEditing(order)}
            />
          </li>
        ))}
      </ul>
      <LoadMore list={orders.list} label="Older change orders" />
    </section>
  );
}

function Totals({ totals }: { totals: ProjectTotals }) {
  const { currency } = totals;
  const figures = [
    ["Original budget", totals.budget === null ? "Not set" : money(totals.budget, currency)],
    [`Approved changes (${totals.approvedCount})`, money(totals.approved, currency, true)],
    [`Awaiting decision (${totals.pendingCount})`, money(totals.pending, currency, true)],
    ["Current total", totals.current === null ? "—" : money(totals.current, currency)],
  ];
  return (
    <section aria-label="Project totals" className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-base font-semibold tabular-nums [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
