// A file's short-lived download link, for showing an image in place (a thumbnail, the lightbox).
// Cached a little less than the link lives, so a shown image never points at an expired link.
import type { FileInfo } from "@rehome/client";
import { useQuery } from "@tanstack/react-query";
import { api } from "../session";

export const isImage = (file: Pick<FileInfo, "contentType">) => file.contentType.startsWith("image/");

export function useFileUrl(projectId: string, file: Pick<FileInfo, "id"> | undefined) {
  const link = useQuery({
    queryKey: ["file-url", projectId, file?.id],
    queryFn: () => api.files.download(projectId, file?.id ?? ""),
    enabled: Boolean(file),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
  return link.data?.url;
}
