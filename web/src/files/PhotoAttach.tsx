// Photos being attached to something people write (a message, a day's site log): each uploaded
// to the project as the Files tab does, shown as a thumbnail with a way to take it off again,
// and the "Attach photo" picker that starts the uploads.
import type { AttachmentInfo } from "@rehome/client";
import { useState } from "react";
import { ui } from "../components/ui";
import { Thumbnail } from "./Thumbnail";
import { UploadList } from "./UploadList";
import { useUploads } from "./useUploads";

export type PhotoAttach = ReturnType<typeof usePhotoAttach>;

/** Up to `max` photos, starting with `initial` (a day's log being edited). */
export function usePhotoAttach(projectId: string, max: number, initial: AttachmentInfo[] = []) {
  const [attached, setAttached] = useState<AttachmentInfo[]>(initial);
  const { uploads, upload, dismiss } = useUploads(projectId, (file) => setAttached((all) => [...all, file]));
  return {
    projectId,
    attached,
    setAttached,
    uploads,
    upload,
    dismiss,
    /** Still sending a photo: what it goes with waits. */
    uploading: uploads.some((u) => !u.error),
    room: max - attached.length - uploads.length,
  };
}

export function AttachedPhotos({ attach }: { attach: PhotoAttach }) {
  if (attach.attached.length === 0 && attach.uploads.length === 0) return null;
  return (
    <div className="w-full">
      <UploadList uploads={attach.uploads} onDismiss={attach.dismiss} />
      <ul aria-label="Attached photos" className="flex flex-wrap gap-2">
        {attach.attached.map((file) => (
          <li key={file.id} className="relative size-16 overflow-hidden rounded-md border border-slate-200">
            <Thumbnail projectId={attach.projectId} file={file} />
            <button
              type="button"
              aria-label={`Remove ${file.name}`}
              onClick={() => attach.setAttached((all) => all.filter((f) => f.id !== file.id))}
              className="absolute top-0.5 right-0.5 rounded-full bg-white/90 px-1.5 text-xs font-semibold text-slate-800 shadow"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Uploads picked photos with `clientVisible` (unset: the project's default). */
export function PhotoPicker({ attach, clientVisible }: { attach: PhotoAttach; clientVisible?: boolean }) {
  return (
    <label
      className={`${ui.secondary} cursor-pointer px-2.5 focus-within:outline-2 focus-within:outline-emerald-600 ${attach.room > 0 ? "" : "pointer-events-none opacity-60"}`}
      title="Attach photo"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
        <path d="M6.5 4 7.6 2.4A1 1 0 0 1 8.4 2h3.2a1 1 0 0 1 .8.4L13.5 4H16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2.5ZM10 14.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Z" />
      </svg>
      <span className="sr-only sm:not-sr-only">Attach photo</span>
      <input
        type="file"
        accept="image/*"
        multiple
        disabled={attach.room <= 0}
        className="sr-only"
        onChange={(event) => {
          for (const file of [...(event.target.files ?? [])].slice(0, attach.room))
            attach.upload(file, clientVisible);
          event.target.value = "";
        }}
      />
    </label>
  );
}
