// One project and what the signed-in person may do in it: the core's permission table asked
// with their role on the project (`myRole`), so screens offer only what the API would allow.
// The API still decides; this only hides buttons that would be refused.
import type { FileInfo, MessageInfo, ProjectEvents, ProjectInfo, Role } from "@rehome/client";
import { type Action, type Kind, may, type Subject, seesInternal } from "@rehome/core/permissions";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, useSession } from "../session";
import { useChannel } from "./useChannel";

export const projectKey = (projectId: string) => ["project", projectId] as const;

export function useProject(projectId: string) {
  const queries = useQueryClient();
  const project = useQuery({ queryKey: projectKey(projectId), queryFn: () => api.projects.get(projectId) });
  // The event carries the project without the reader's role: keep the role we have.
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    {
      "project.updated": (info) =>
        queries.setQueryData<ProjectInfo>(projectKey(projectId), (old) => old && { ...old, ...info }),
    },
    { keys: [projectKey(projectId)] },
  );
  return project;
}

export interface Permissions {
  /** The person's role on the project; undefined until it is loaded. */
  role: Role | undefined;
  /** Whether the person may do `action` to `item` (or to a new item when there is none). */
  can: <K extends Kind>(kind: K, action: Action<K>, item?: Subject) => boolean;
  /** Staff: they see internal items, so badges and visibility choices are for them. */
  staff: boolean;
  /** Whether new items are client-visible unless their author chooses otherwise. */
  visibleByDefault: boolean;
}

/** What the signed-in person may do in the project; nothing until the project is loaded. */
export function usePermissions(projectId: string): Permissions {
  const me = useSession();
  const project = useProject(projectId).data;
  const role = project?.myRole;
  return {
    role,
    can: (kind, action, item) => Boolean(role && me && may(role, me.id, kind, action, item)),
    staff: role ? seesInternal(role) : false,
    visibleByDefault: project?.clientVisibleByDefault ?? true,
  };
}

/** A message as the permission table reads it: its author made it. */
export const messageSubject = (m: MessageInfo): Subject => ({
  createdBy: m.authorId,
  clientVisible: m.clientVisible,
});

/** A file as the permission table reads it: its uploader made it. */
export const fileSubject = (f: FileInfo): Subject => ({
  createdBy: f.uploadedBy,
  clientVisible: f.clientVisible,
});
