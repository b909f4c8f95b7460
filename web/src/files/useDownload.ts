// Downloading a file: ask for its short-lived link, then follow it at once (it lives a minute).
import { useMutation } from "@tanstack/react-query";
import { api } from "../session";

export function useDownload(projectId: string) {
  return useMutation({
    mutationFn: (file: { id: string }) => api.files.download(projectId, file.id),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}
