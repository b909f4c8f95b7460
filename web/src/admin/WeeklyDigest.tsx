// The weekly workspace rollup (admins only), newest first, and writing this week's now instead of
// waiting for Monday; a new one appears as it is announced on the admin's own channel.
import type { UserEvents } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DigestPanel } from "../agent/DigestPanel";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { useChannel } from "../hooks/useChannel";
import { api, useSession } from "../session";

export function WeeklyDigest() {
  const session = useSession();
  const workspaceId = session?.workspaceId ?? "";
  const queryKey = ["summaries", "workspace", workspaceId];
  const queries = useQueryClient();
  const summaries = useQuery({ queryKey, queryFn: () => api.summaries.workspace(workspaceId) });
  const write = useMutation({ mutationFn: () => api.summaries.writeWeekly(workspaceId) });
  useChannel<UserEvents>(
    `users.${session?.id ?? ""}`,
    {
      "agent.summary.ready": (summary) => {
        if (summary.kind === "weekly") queries.invalidateQueries({ queryKey });
      },
    },
    { keys: [queryKey] },
  );
  const waitingFor = write.data?.summaryId;
  const writing = Boolean(waitingFor && !summaries.data?.items.some((s) => s.id === waitingFor));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <p className="min-w-56 grow text-sm text-slate-700">
          A digest of the whole workspace is written every Monday. Need it now? It is emailed like Monday's to
          admins who chose digest emails.
        </p>
        <button
          type="button"
          className={ui.primary}
          disabled={write.isPending || writing}
          onClick={() => write.mutate()}
        >
          {write.isPending || writing ? "Writing this week's digest…" : "Write this week's digest now"}
        </button>
        {write.isError && <Failed error={write.error} className="w-full" />}
        {/* Asked again the same week: the API answers with the rollup already written. */}
        {write.isSuccess && !writing && (
          <p role="status" className="w-full text-sm text-emerald-800">
            This week's digest is written: it is the first one below.
          </p>
        )}
      </div>
      <DigestPanel
        title="Weekly digest"
        summaries={summaries}
        empty="No weekly digest yet: one is written every Monday, or now with the button above."
      />
    </div>
  );
}
