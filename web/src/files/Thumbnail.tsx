// A photo's thumbnail, filling its box (nothing until its link is in), and a file's size in words:
// the Files tab and message attachments show files alike.
import type { FileInfo } from "@rehome/client";
import { useFileUrl } from "./useFileUrl";

export function Thumbnail({ projectId, file }: { projectId: string; file: Pick<FileInfo, "id"> }) {
  const url = useFileUrl(projectId, file);
  return url ? <img src={url} alt="" loading="lazy" className="size-full object-cover" /> : null;
}

export const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1_048_576
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1_048_576).toFixed(1)} MB`;
