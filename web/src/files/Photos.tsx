// Photos as a list of thumbnails that open the lightbox, and the lightbox's state: the Files tab
// and a message's attachments show photos alike.
import { type ReactNode, useState } from "react";
import { Lightbox, type Photo } from "./Lightbox";
import { Thumbnail } from "./Thumbnail";

/** Which photo the lightbox shows (none: closed); `open(index)` shows one of `photos`. */
export function usePhotoViewer(
  projectId: string,
  photos: Photo[],
  nameOf?: (userId: string) => string | undefined,
): { open: (index: number) => void; lightbox: ReactNode } {
  const [viewing, setViewing] = useState<number>();
  const lightbox = viewing !== undefined && (
    <Lightbox
      projectId={projectId}
      photos={photos}
      index={viewing}
      onIndex={setViewing}
      onClose={() => setViewing(undefined)}
      nameOf={nameOf}
    />
  );
  return { open: setViewing, lightbox };
}

/** Thumbnails as buttons that open each photo; `thumbClassName` sizes each box. */
export function PhotoList(props: {
  projectId: string;
  photos: Photo[];
  onOpen: (index: number) => void;
  className: string;
  thumbClassName: string;
  "aria-label"?: string;
}) {
  return (
    <ul aria-label={props["aria-label"]} className={props.className}>
      {props.photos.map((photo, index) => (
        <li key={photo.id}>
          <button
            type="button"
            aria-label={`Open photo ${photo.name}`}
            onClick={() => props.onOpen(index)}
            className={`block overflow-hidden rounded-md border border-slate-200 bg-slate-100 ${props.thumbClassName}`}
          >
            <Thumbnail projectId={props.projectId} file={photo} />
          </button>
        </li>
      ))}
    </ul>
  );
}
