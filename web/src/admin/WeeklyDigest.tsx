// The weekly workspace rollup (admins only), newest first.
import { useQuery } from "@tanstack/react-query";
import { DigestPanel } from "../agent/DigestPanel";
import { api, useSession } from "../session";

export function WeeklyDigest() {
  const workspaceId = useSession()?.workspaceId ?? "";
  const summaries = useQuery({
    queryKey: ["summaries", "workspace", workspaceId],
    queryFn: () => api.summaries.workspace(workspaceId),
  });
  return (
    <DigestPanel
      title="Weekly digest"
      summaries={summaries}
      empty="No weekly digest yet: one is written every Monday."
    />
  );
}
