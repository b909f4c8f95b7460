// One change order: what changes, why, its cost and schedule effect, its state; the steps the
// reader's role allows in that state; and once decided, the signed record of who decided what,
// when and from where.
import type { ChangeOrderInfo, ChangeOrderState } from "@rehome/client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useConfirm } from "../components/Confirm";
import { TextField } from "../components/Field";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { InternalBadge } from "../components/Visibility";
import { Day, When } from "../components/When";
import { useMembers } from "../hooks/useMembers";
import { usePermissions } from "../hooks/useProject";
import { api, useSession } from "../session";
import { money } from "./money";
import type { useChangeOrders } from "./useChangeOrders";

const BADGES: Record<ChangeOrderState, [string, string]> = {
  draft: ["Draft", "bg-slate-100 text-slate-800"],
  sent: ["Awaiting decision", "bg-amber-100 text-amber-900"],
  approved: ["Approved", "bg-emerald-100 text-emerald-900"],
  declined: ["Declined", "bg-red-100 text-red-900"],
  withdrawn: ["Withdrawn", "bg-slate-100 text-slate-700"],
  expired: ["Expired", "bg-slate-200 text-slate-800"],
};

const days = (n: number) =>
  n === 0 ? "No schedule change" : `${n > 0 ? "+" : "−"}${Math.abs(n)} day${Math.abs(n) === 1 ? "" : "s"}`;

export function ChangeOrderCard({
  projectId,
  order,
  currency,
  actions,
  onEdit,
}: {
  projectId: string;
  order: ChangeOrderInfo;
  currency: string;
  actions: ReturnType<typeof useChangeOrders>;
  onEdit: () => void;
}) {
  const { can } = usePermissions(projectId);
  const { nameOf } = useMembers(projectId);
  const { ask, dialog } = useConfirm();
  const subject = { createdBy: order.createdBy, clientVisible: order.state !== "draft" };
  const [label, colours] = BADGES[order.state];
  const mine = (m: { isPending: boolean; variables?: unknown }) =>
    m.isPending && (m.variables === order.id || (m.variables as { id?: string })?.id === order.id);
  const failed = [actions.send, actions.withdraw, actions.decide].find(
    (m) => m.isError && (m.variables === order.id || (m.variables as { id?: string })?.id === order.id),
  );
  const titleId = `change-${order.id}`;

  return (
    <article
      aria-labelledby={titleId}
      data-testid="change-order"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={titleId} className="min-w-0 font-semibold [overflow-wrap:anywhere]">
          {order.title}
        </h2>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${colours}`} data-testid="change-state">
          {label}
        </span>
      </header>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <Figure term="Cost">{money(order.costDelta, currency, true)}</Figure>
        <Figure term="Schedule">{days(order.scheduleDeltaDays)}</Figure>
        {!order.decision && order.state !== "withdrawn" && (
          <Figure term="Decide by">
            <Day day={order.decisionDue} />
          </Figure>
        )}
      </dl>
      {order.description && (
        <p className="mt-2 text-sm whitespace-pre-line [overflow-wrap:anywhere]">{order.description}</p>
      )}
      {order.reason && (
        <p className="mt-1 text-sm text-slate-600 [overflow-wrap:anywhere]">Why: {order.reason}</p>
      )}
      {order.attachments.length > 0 && <Attachments projectId={projectId} files={order.attachments} />}
      {order.internalNote && (
        <p className="mt-2 rounded bg-amber-50 p-2 text-sm [overflow-wrap:anywhere]">
          <InternalBadge /> {order.internalNote}
        </p>
      )}
      {order.decision && (
        <p
          className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-2 text-sm"
          data-testid="signed-record"
        >
          {order.decision.outcome === "approved" ? "Approved" : "Declined"} by{" "}
          {nameOf(order.decision.by) ?? "the client"}, signed “{order.decision.signature}”,{" "}
          <When iso={order.decision.at} /> from {order.decision.ip}.
          {order.decision.reason && <span className="block">Reason: {order.decision.reason}</span>}
        </p>
      )}
      {order.sentAt && !order.decision && (
        <p className="mt-2 text-xs text-slate-600">
          Sent by {nameOf(order.sentBy) ?? "staff"} <When iso={order.sentAt} />
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {order.state === "draft" && can("change_order", "edit", subject) && (
          <button type="button" className={ui.secondary} onClick={onEdit} aria-label={`Edit ${order.title}`}>
            Edit
          </button>
        )}
        {order.state === "draft" && can("change_order", "send", subject) && (
          <button
            type="button"
            className={ui.primary}
            disabled={mine(actions.send)}
            onClick={async () =>
              (await ask({
                title: `Send "${order.title}" to the client?`,
                confirm: "Send for approval",
              })) && actions.send.mutate(order.id)
            }
          >
            Send to client
          </button>
        )}
        {(order.state === "sent" || order.state === "expired") &&
          can("change_order", "withdraw", subject) && (
            <button
              type="button"
              className={ui.danger}
              disabled={mine(actions.withdraw)}
              onClick={async () =>
                (await ask({ title: `Withdraw "${order.title}"?`, confirm: "Withdraw", danger: true })) &&
                actions.withdraw.mutate(order.id)
              }
            >
              Withdraw
            </button>
          )}
      </div>
      {order.state === "sent" && can("change_order", "decide", subject) && (
        <DecisionForm order={order} actions={actions} pending={mine(actions.decide)} />
      )}
      {failed && <Failed error={failed.error} className="mt-3" />}
      {dialog}
    </article>
  );
}

/** The client's decision: their full name typed as a signature, then approve or decline. */
function DecisionForm({
  order,
  actions,
  pending,
}: {
  order: ChangeOrderInfo;
  actions: ReturnType<typeof useChangeOrders>;
  pending: boolean;
}) {
  const me = useSession();
  const [signature, setSignature] = useState("");
  const [reason, setReason] = useState("");
  const decide = (outcome: "approve" | "decline") =>
    actions.decide.mutate({ id: order.id, outcome, signature, reason });
  return (
    <form
      className="mt-3 grid gap-2 rounded-md border border-amber-200 bg-amber-50 p-3"
      aria-label={`Your decision on ${order.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        decide("approve");
      }}
    >
      <TextField
        label="Type your full name to sign"
        value={signature}
        onChange={(event) => setSignature(event.target.value)}
        required
        autoComplete="name"
        help={`As on your account: ${me?.name ?? ""}. Signing approves the cost and schedule above.`}
      />
      <TextField
        label="Reason, if you decline (optional)"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={ui.primary} disabled={pending || !signature.trim()}>
          Approve
        </button>
        <button
          type="button"
          className={ui.danger}
          disabled={pending || !signature.trim()}
          onClick={() => decide("decline")}
        >
          Decline
        </button>
      </div>
    </form>
  );
}

function Figure({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-600">{term}:</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** The attached files, each downloaded through its short-lived link. */
function Attachments({ projectId, files }: { projectId: string; files: ChangeOrderInfo["attachments"] }) {
  const download = useMutation({
    mutationFn: (fileId: string) => api.files.download(projectId, fileId),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="Attachments">
      {files.map((file) => (
        <li key={file.id}>
          <button
            type="button"
            className={`${ui.secondary} max-w-full py-1 whitespace-normal [overflow-wrap:anywhere]`}
            onClick={() => download.mutate(file.id)}
          >
            {file.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
