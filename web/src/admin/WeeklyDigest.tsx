// The weekly workspace rollup (admins only), newest first; a new one appears as it is announced
// on the admin's own channel.
import type { UserEvents } from "@rehome/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { DigestPanel } from "../agent/DigestPanel";
import { useChannel } from "../hooks/useChannel";
import { api, useSession } from "../session";

export function WeeklyDigest() {
  const session = useSession();
  const workspaceId = session?.workspaceId ?? "";
  const queryKey = ["summaries", "workspace", workspaceId];
  const queries = useQueryClient();
  const summaries = useQuery({ queryKey, queryFn: () => api.summaries.workspace(workspaceId) });
  useChannel<UserEvents>(`users.${session?.id ?? ""}`, {
    "agent.summary.ready": (summary) => {
      if (summary.kind === "weekly") queries.invalidateQueries({ queryKey });
    },
  });
  return (
    <DigestPanel
      title="Weekly digest"
      summaries={summaries}
      empty="No weekly digest yet: one is written every Monday."
    />
  );
}
