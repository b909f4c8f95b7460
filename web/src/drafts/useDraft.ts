// Follows one draft the assistant is writing for you: it arrives as `agent.draft.ready` on your
// own channel; should that be missed (socket down), the draft is read again until it is written.
import type { DraftInfo, UserEvents } from "@rehome/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useChannel } from "../hooks/useChannel";
import { api, useSession } from "../session";

export function useDraft(projectId: string, draftId: string | null) {
  const me = useSession();
  const queries = useQueryClient();
  const draft = useQuery({
    queryKey: ["draft", projectId, draftId],
    queryFn: () => api.drafts.get(projectId, draftId ?? ""),
    enabled: Boolean(draftId),
    refetchInterval: (query) => (query.state.data?.status === "queued" ? 5_000 : false),
  });
  useChannel<UserEvents>(`users.${me?.id ?? ""}`, {
    "agent.draft.ready": (ready: DraftInfo) => {
      if (ready.id === draftId) queries.setQueryData(["draft", projectId, draftId], ready);
    },
  });
  return draft;
}
