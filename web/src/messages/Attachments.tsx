// A message's files: photos as thumbnails in the thread that open the Files tab's lightbox,
// any other file as a link that downloads it.
import type { AttachmentInfo } from "@rehome/client";
import { Failed } from "../components/States";
import { PhotoList, usePhotoViewer } from "../files/Photos";
import { formatSize } from "../files/Thumbnail";
import { useDownload } from "../files/useDownload";
import { isImage } from "../files/useFileUrl";

export function Attachments({ projectId, files }: { projectId: string; files: AttachmentInfo[] }) {
  const photos = files.filter(isImage);
  const viewer = usePhotoViewer(projectId, photos);
  const download = useDownload(projectId);
  if (files.length === 0) return null;
  const others = files.filter((file) => !isImage(file));
  return (
    <div className="mt-1.5 space-y-1.5">
      {photos.length > 0 && (
        <PhotoList
          aria-label="Photos"
          projectId={projectId}
          photos={photos}
          onOpen={viewer.open}
          className="flex flex-wrap gap-2"
          thumbClassName="size-24 sm:size-32"
        />
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
      {viewer.lightbox}
    </div>
  );
}
