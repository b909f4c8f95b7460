// Photos full size, one at a time, over the page: arrow keys or a swipe go to the next and
// previous, Escape or Close ends it, and the focus returns to the thumbnail that opened it.
import type { FileInfo } from "@rehome/client";
import { useRef } from "react";
import { ui } from "../components/ui";
import { When } from "../components/When";
import { useModal } from "../hooks/useModal";
import { useFileUrl } from "./useFileUrl";

const SWIPE_PX = 40;

/** A photo as the Files tab knows it; as a message shows it, without who uploaded it when. */
export type Photo = Pick<FileInfo, "id" | "name"> & Partial<Pick<FileInfo, "uploadedBy" | "createdAt">>;

interface Props {
  projectId: string;
  photos: Photo[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
  nameOf?: (userId: string) => string | undefined;
}

export function Lightbox({ projectId, photos, index, onIndex, onClose, nameOf }: Props) {
  const ref = useModal();
  const swipeFrom = useRef<number>(undefined);
  const photo = photos[index];
  const url = useFileUrl(projectId, photo);
  if (!photo) return null;
  const go = (step: number) => onIndex((index + step + photos.length) % photos.length);
  return (
    <dialog
      ref={ref}
      aria-label={`Photo ${index + 1} of ${photos.length}: ${photo.name}`}
      data-testid="lightbox"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === "ArrowRight") go(1);
        else if (event.key === "ArrowLeft") go(-1);
      }}
      onPointerDown={(event) => {
        swipeFrom.current = event.clientX;
      }}
      onPointerUp={(event) => {
        const from = swipeFrom.current;
        swipeFrom.current = undefined;
        if (from === undefined || Math.abs(event.clientX - from) < SWIPE_PX) return;
        go(event.clientX < from ? 1 : -1);
      }}
      className="m-0 h-full max-h-none w-full max-w-none bg-slate-950/95 p-0 text-white backdrop:bg-slate-950/80"
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center gap-3 px-4 py-3">
          <p className="min-w-0 grow text-sm [overflow-wrap:anywhere]">
            <span className="font-medium">{photo.name}</span>{" "}
            {photo.uploadedBy && photo.createdAt && (
              <span className="text-slate-300">
                · {nameOf?.(photo.uploadedBy) ?? "Someone"} · <When iso={photo.createdAt} />
              </span>
            )}
          </p>
          <p className="text-sm whitespace-nowrap text-slate-300" aria-live="polite">
            {index + 1} / {photos.length}
          </p>
          <button type="button" onClick={onClose} className={`${ui.secondary} py-1`}>
            Close
          </button>
        </header>
        <div className="relative flex min-h-0 grow items-center justify-center px-2 pb-4 select-none">
          {url && <img src={url} alt={photo.name} draggable={false} className="size-full object-contain" />}
          {photos.length > 1 && (
            <>
              <button
                type="button"
                onClick={() => go(-1)}
                className={`${ui.secondary} absolute top-1/2 left-2 -translate-y-1/2 opacity-90`}
              >
                <span aria-hidden="true">←</span> Previous
              </button>
              <button
                type="button"
                onClick={() => go(1)}
                className={`${ui.secondary} absolute top-1/2 right-2 -translate-y-1/2 opacity-90`}
              >
                Next <span aria-hidden="true">→</span>
              </button>
            </>
          )}
        </div>
      </div>
    </dialog>
  );
}
