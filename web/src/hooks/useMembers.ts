// The people of a project, for names, @mentions and the assignee picker: its assignments,
// which name the workspace's admins too (admins are on every project).
import type { Role } from "@rehome/client";
import { useQuery } from "@tanstack/react-query";
import { api, useSession } from "../session";
import { allPages } from "./allPages";

export interface Person {
  id: string;
  name: string;
  role: Role;
}

export function useMembers(projectId: string) {
  const me = useSession();
  const assignments = useQuery({
    queryKey: ["assignments", projectId],
    queryFn: () => api.assignments.list(projectId),
    staleTime: 60_000,
  });
  const byId = new Map<string, Person>();
  for (const a of assignments.data?.items ?? [])
    byId.set(a.userId, { id: a.userId, name: a.name, role: a.role });
  if (me) byId.set(me.id, { id: me.id, name: me.name, role: me.role });
  const members = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { members, nameOf: (id: string | null) => (id ? byId.get(id)?.name : undefined) };
}

/** Everyone in the workspace (admins only). */
export function usePeople(enabled = true) {
  return useQuery({
    queryKey: ["users"],
    queryFn: () => allPages((cursor) => api.users.list({ cursor, limit: 100 })),
    enabled,
    // People join (accept an invite) from elsewhere: an admin screen always asks again.
    refetchOnMount: "always",
  });
}
