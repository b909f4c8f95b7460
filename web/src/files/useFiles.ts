// A project's files: pages (newest first) kept live by the project channel (a client's list
// also gains and loses files as staff share them or make them internal), plus the uploads in
// progress in this tab (useUploads).
import type { FileInfo, ProjectEvents } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useChannel } from "../hooks/useChannel";
import { placeItem, removeItem, upsertItem, usePagedList } from "../hooks/usePagedList";
import { api } from "../session";
import { useDownload } from "./useDownload";
import { useUploads } from "./useUploads";

export function useFiles(projectId: string) {
  const queries = useQueryClient();
  const key = ["files", projectId] as const;
  const list = usePagedList(key, (cursor) => api.files.list(projectId, { cursor, limit: 50 }));
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    {
      "file.uploaded": (file) => upsertItem(queries, key, file),
      "file.updated": (file) => upsertItem(queries, key, file),
      "file.deleted": ({ id }) => removeItem(queries, key, id),
      "file.shown": (file) => placeItem(queries, key, file),
      "file.hidden": ({ id }) => removeItem(queries, key, id),
    },
    { keys: [key] },
  );
  const { uploads, upload, dismiss } = useUploads(projectId, (stored) => upsertItem(queries, key, stored));
  const download = useDownload(projectId);
  const share = useMutation({
    mutationFn: ({ file, clientVisible }: { file: FileInfo; clientVisible: boolean }) =>
      api.files.update(projectId, file.id, { clientVisible }),
    onSuccess: (file) => upsertItem(queries, key, file),
  });
  const remove = useMutation({
    mutationFn: (file: FileInfo) => api.files.remove(projectId, file.id),
    onSuccess: (_, file) => removeItem(queries, key, file.id),
  });
  return { list, uploads, upload, dismiss, download, share, remove };
}
