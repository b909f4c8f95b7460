// A project's files: pages (newest first) kept live by the project channel (a client's list
// also gains and loses files as staff share them or make them internal), plus the uploads in
// progress in this tab, each with its progress and a way to cancel.
import type { FileInfo, ProjectEvents } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useChannel } from "../hooks/useChannel";
import { placeItem, removeItem, upsertItem, usePagedList } from "../hooks/usePagedList";
import { api } from "../session";
import { uploadFile } from "./upload";

export interface Upload {
  id: string;
  name: string;
  progress: number;
  error?: string;
  cancel: () => void;
}

export function useFiles(projectId: string) {
  const queries = useQueryClient();
  const key = ["files", projectId] as const;
  const list = usePagedList(key, (cursor) => api.files.list(projectId, { cursor, limit: 50 }));
  useChannel<ProjectEvents>(`projects.${projectId}`, {
    "file.uploaded": (file) => upsertItem(queries, key, file),
    "file.updated": (file) => upsertItem(queries, key, file),
    "file.deleted": ({ id }) => removeItem(queries, key, id),
    "file.shown": (file) => placeItem(queries, key, file),
    "file.hidden": ({ id }) => removeItem(queries, key, id),
  });
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (id: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));
  const dismiss = (id: string) => setUploads((all) => all.filter((u) => u.id !== id));

  const upload = (file: File, clientVisible?: boolean) => {
    const id = crypto.randomUUID();
    const abort = new AbortController();
    setUploads((all) => [...all, { id, name: file.name, progress: 0, cancel: () => abort.abort() }]);
    uploadFile(projectId, file, clientVisible, (progress) => patch(id, { progress }), abort.signal).then(
      (stored: FileInfo) => {
        upsertItem(queries, key, stored);
        dismiss(id);
      },
      (error: unknown) =>
        abort.signal.aborted
          ? dismiss(id)
          : patch(id, { error: error instanceof Error ? error.message : "The upload failed." }),
    );
  };

  const download = useMutation({
    mutationFn: (file: FileInfo) => api.files.download(projectId, file.id),
    // A link valid for a minute: follow it at once.
    onSuccess: ({ url }) => window.location.assign(url),
  });
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
