// Uploads in progress in this tab, each with its progress and a way to cancel, and the reason
// when the API or storage refused a file: the Files tab and the message composer both upload so.
import type { FileInfo } from "@rehome/client";
import { useState } from "react";
import { uploadFile } from "./upload";

export interface Upload {
  id: string;
  name: string;
  progress: number;
  error?: string;
  cancel: () => void;
}

/** `onStored` gets each file once the API has checked and listed it. */
export function useUploads(projectId: string, onStored: (file: FileInfo) => void) {
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
        onStored(stored);
        dismiss(id);
      },
      (error: unknown) =>
        abort.signal.aborted
          ? dismiss(id)
          : patch(id, { error: error instanceof Error ? error.message : "The upload failed." }),
    );
  };
  return { uploads, upload, dismiss };
}
