// A project's change orders and totals, kept live: any change_order event on the project channel
// refetches both (events carry no internal note, so staff read the list again rather than patch
// it); every action refreshes them too.
import type { ChangeOrderInfo, ProjectEvents } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useChannel } from "../hooks/useChannel";
import { usePagedList } from "../hooks/usePagedList";
import { api } from "../session";

type Create = Parameters<typeof api.changeOrders.create>[1];
type Update = Parameters<typeof api.changeOrders.update>[2];
export type Decision = { outcome: "approve" | "decline"; signature: string; reason?: string };

export function useChangeOrders(projectId: string) {
  const queries = useQueryClient();
  const key = ["change-orders", projectId] as const;
  const totalsKey = ["totals", projectId] as const;
  const list = usePagedList(key, (cursor) => api.changeOrders.list(projectId, { cursor, limit: 50 }));
  const totals = useQuery({ queryKey: totalsKey, queryFn: () => api.changeOrders.totals(projectId) });
  const refresh = async () => {
    await Promise.all([
      queries.invalidateQueries({ queryKey: key }),
      queries.invalidateQueries({ queryKey: totalsKey }),
    ]);
  };
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    {
      "change_order.created": refresh,
      "change_order.updated": refresh,
      "change_order.sent": refresh,
      "change_order.withdrawn": refresh,
      "change_order.approved": refresh,
      "change_order.declined": refresh,
    },
    { keys: [key, totalsKey] },
  );
  return {
    list,
    totals,
    create: useAction((input: Create) => api.changeOrders.create(projectId, input), refresh),
    update: useAction(
      ({ id, input }: { id: string; input: Update }) => api.changeOrders.update(projectId, id, input),
      refresh,
    ),
    send: useAction((id: string) => api.changeOrders.send(projectId, id), refresh),
    withdraw: useAction((id: string) => api.changeOrders.withdraw(projectId, id), refresh),
    decide: useAction(
      ({ id, outcome, signature, reason }: Decision & { id: string }) =>
        outcome === "approve"
          ? api.changeOrders.approve(projectId, id, { signature })
          : api.changeOrders.decline(projectId, id, { signature, ...(reason ? { reason } : {}) }),
      refresh,
    ),
  };
}

const useAction = <V>(fn: (v: V) => Promise<ChangeOrderInfo>, onSuccess: () => Promise<void>) =>
  useMutation({ mutationFn: fn, onSuccess });
