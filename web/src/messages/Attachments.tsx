// A message's files: photos as thumbnails in the thread that open the Files tab's lightbox,
// any other file as a link that downloads it.
import type { AttachmentInfo } from "@rehome/client";
import { useState } from "react";
import { Failed } from "../components/States";
import { Lightbox } from "../files/Lightbox";
import { formatSize, Thumbnail } from "../files/Thumbnail";
import { useDownload } from "../files/useDownload";
import { isImage } from "../files/useFileUrl";

export function Attachments({ projectId, files }: { projectId: string; files: AttachmentInfo[] }) {
  const [viewing, setViewing] = useState<number>();
  const download = useDownload(projectId);
  if (files.length === 0) return null;
  const photos = files.filter(isImage);
  const others = files.filter((file) => !isImage(file));
  return (
    <div className="mt-1.5 space-y-1.5">
      {photos.length > 0 && (
        <ul aria-label="Photos" className="flex flex-wrap gap-2">
          {photos.map((photo, index) => (
            <li key={photo.id}>
              <button
                type="button"
                aria-label={`Open photo ${photo.name}`}
                onClick={() => setViewing(index)}
                className="block size-24 overflow-hidden rounded-md border border-slate-200 bg-slate-100 sm:size-32"
                data-testid="inline-photo"
              >
                <Thumbnail projectId={projectId} file={photo} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul aria-label="Files" className="space-y-0.5 text-sm">
          {others.map((file) => (
            <li key={file.id} className="min-w-0">
              <button
                type="button"
                className="text-left font-medium text-emerald-800 underline [overflow-wrap:anywhere] hover:text-emerald-900"
                onClick={() => download.mutate(file)}
              >
                {file.name}
              </button>{" "}
              <span className="text-xs text-slate-500">{formatSize(file.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {download.error && <Failed error={download.error} />}
      {viewing !== undefined && (
        <Lightbox
          projectId={projectId}
          photos={photos}
          index={viewing}
          onIndex={setViewing}
          onClose={() => setViewing(undefined)}
        />
      )}
    </div>
  );
}
