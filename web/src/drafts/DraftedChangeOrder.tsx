// A change order the assistant drafted from messages, shown in the usual form: the person checks
// each field against the cited messages, edits and saves it as a draft, or discards it. Until
// then nothing exists; the assistant never saves or sends one itself.
import { ChangeOrderForm, type Draft } from "../changes/ChangeOrderForm";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { DraftSources } from "./DraftSources";
import { useDraft } from "./useDraft";

interface Props {
  projectId: string;
  draftId: string;
  currency: string;
  pending: boolean;
  error: unknown;
  onSave: (draft: Draft) => void;
  onDiscard: () => void;
}

export function DraftedChangeOrder({ projectId, draftId, onDiscard, ...form }: Props) {
  const draft = useDraft(projectId, draftId);
  const data = draft.data;
  if (draft.error) return <Failed error={draft.error} />;
  if (!data || data.status === "queued")
    return (
      <p role="status" className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        The assistant is drafting a change order from the messages you chose…
      </p>
    );
  const proposal = data.changeOrder;
  if (data.status === "failed" || !proposal)
    return (
      <div role="alert" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
        <p>{data.error ?? "The assistant drafted nothing."}</p>
        <button type="button" className={`${ui.secondary} mt-2`} onClick={onDiscard}>
          Close
        </button>
      </div>
    );
  const missing = [!proposal.costFound && "a cost", !proposal.scheduleFound && "a schedule change"].filter(
    Boolean,
  );
  return (
    <section aria-label="Drafted change order" className="mb-4 grid gap-2">
      <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm">
        <p>
          Drafted by the assistant. Check each field against the messages, edit it, then save it as a draft:
          nothing is saved or sent until you do.
        </p>
        {missing.length > 0 && <p className="mt-1">The messages name no {missing.join(" and no ")}.</p>}
        <div className="mt-1">
          <DraftSources projectId={projectId} citations={data.citations} />
        </div>
      </div>
      <ChangeOrderForm
        projectId={projectId}
        {...form}
        proposed={{ ...proposal, costDelta: proposal.costFound ? proposal.costDelta : undefined }}
        onCancel={onDiscard}
      />
    </section>
  );
}
