// A project's site log, kept live: any sitelog event on the project channel refetches the days
// (a client hears only of shared ones: shown, hidden); writing a day refreshes them too.
import type { ProjectEvents } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useChannel } from "../hooks/useChannel";
import { usePagedList } from "../hooks/usePagedList";
import { api } from "../session";

export type DayInput = Parameters<typeof api.siteLog.write>[2];

export function useSiteLog(projectId: string) {
  const queries = useQueryClient();
  const key = ["site-log", projectId] as const;
  const list = usePagedList(key, (cursor) => api.siteLog.list(projectId, { cursor, limit: 30 }));
  const refresh = () => queries.invalidateQueries({ queryKey: key });
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    {
      "sitelog.created": refresh,
      "sitelog.updated": refresh,
      "sitelog.shown": refresh,
      "sitelog.hidden": refresh,
    },
    { keys: [key] },
  );
  const write = useMutation({
    mutationFn: ({ date, input }: { date: string; input: DayInput }) =>
      api.siteLog.write(projectId, date, input),
    onSuccess: refresh,
  });
  return { list, write };
}
