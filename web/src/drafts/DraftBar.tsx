// Staff ask the assistant for a draft from the Messages tab: a change order from the messages they
// tick (it opens, prefilled, in the Changes tab's form), or today's client update (it lands in the
// composer to edit and send). The assistant only drafts; the person saves or sends.
import type { DraftInfo } from "@rehome/client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { api } from "../session";
import { useDraft } from "./useDraft";

/** How many of the newest messages "Tick the last" picks: a conversation's worth. */
const LAST = 10;

/** The messages ticked for a change order, while picking. */
export function useSelection() {
  const [picked, setPicked] = useState<Set<string>>();
  return {
    on: Boolean(picked),
    count: picked?.size ?? 0,
    ids: [...(picked ?? [])],
    has: (id: string) => Boolean(picked?.has(id)),
    toggle: (id: string) =>
      setPicked((now) => {
        const next = new Set(now);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    pick: (ids: string[]) => setPicked(new Set(ids)),
    start: () => setPicked(new Set()),
    stop: () => setPicked(undefined),
  };
}
export type Selection = ReturnType<typeof useSelection>;

interface Props {
  projectId: string;
  selection: Selection;
  /** The newest messages on screen, oldest first: "the last 10" ticks these. */
  recent: string[];
  /** May create change orders / may post a client-visible message. */
  changeOrders: boolean;
  updates: boolean;
  onUpdate: (draft: DraftInfo) => void;
}

export function DraftBar({ projectId, selection, recent, changeOrders, updates, onUpdate }: Props) {
  const navigate = useNavigate();
  const changeOrder = useMutation({
    mutationFn: () => api.drafts.changeOrder(projectId, selection.ids),
    onSuccess: ({ draftId }) => navigate(`/projects/${projectId}/changes?draft=${draftId}`),
  });
  const [updateId, setUpdateId] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: () => api.drafts.clientUpdate(projectId),
    onSuccess: ({ draftId }) => setUpdateId(draftId),
  });
  const drafted = useDraft(projectId, updateId);
  const written = drafted.data?.status === "written" ? drafted.data : undefined;
  useEffect(() => {
    if (written) {
      onUpdate(written);
      setUpdateId(null);
    }
  }, [written, onUpdate]);
  const writing =
    update.isPending || (updateId !== null && !drafted.error && drafted.data?.status !== "failed");
  const error = changeOrder.error ?? update.error ?? drafted.error;

  return (
    <div className="mb-2 grid gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        {changeOrders && !selection.on && (
          <button type="button" className={`${ui.secondary} py-1`} onClick={selection.start}>
            Draft a change order
          </button>
        )}
        {changeOrders && selection.on && (
          <>
            <span>Tick the messages it is about ({selection.count} chosen).</span>
            <button
              type="button"
              className={`${ui.primary} py-1`}
              disabled={selection.count === 0 || changeOrder.isPending}
              onClick={() => changeOrder.mutate()}
            >
              Draft from {selection.count} {selection.count === 1 ? "message" : "messages"}
            </button>
            <button
              type="button"
              className={`${ui.secondary} py-1`}
              onClick={() => selection.pick(recent.slice(-LAST))}
            >
              Tick the last {LAST}
            </button>
            <button type="button" className={`${ui.secondary} py-1`} onClick={selection.stop}>
              Cancel
            </button>
          </>
        )}
        {updates && !selection.on && (
          <button
            type="button"
            className={`${ui.secondary} py-1`}
            disabled={writing}
            onClick={() => update.mutate()}
          >
            Draft client update
          </button>
        )}
        <span role="status" className="text-slate-600">
          {writing && "The assistant is drafting today's update…"}
        </span>
      </div>
      {drafted.data?.status === "failed" && <p role="alert">{drafted.data.error}</p>}
      {error && <Failed error={error} />}
    </div>
  );
}
