// A project's Files tab: upload (button or drop) straight to storage with progress, photos
// first as thumbnails that open a lightbox, then every file with download, delete where the permission table allows (the uploader, team,
// admins), and for staff whether a file is internal, chosen at upload and switched per file.
import { useState } from "react";
import { useParams } from "react-router";
import { useConfirm } from "../components/Confirm";
import { Failed, ListStates, LoadMore } from "../components/States";
import { ui } from "../components/ui";
import {
  InternalBadge,
  useVisibilityChoice,
  VisibilityChoice,
  VisibilityToggle,
} from "../components/Visibility";
import { When } from "../components/When";
import { useMembers } from "../hooks/useMembers";
import { fileSubject, usePermissions } from "../hooks/useProject";
import { PhotoList, usePhotoViewer } from "./Photos";
import { formatSize, Thumbnail } from "./Thumbnail";
import { UploadList } from "./UploadList";
import { useFiles } from "./useFiles";
import { isImage } from "./useFileUrl";

export function FilesTab() {
  const { projectId = "" } = useParams();
  const { nameOf } = useMembers(projectId);
  const { list, uploads, upload: start, dismiss, download, share, remove } = useFiles(projectId);
  const { can, visibleByDefault } = usePermissions(projectId);
  const chooses = can("file", "visibility");
  const [visible, setVisible] = useVisibilityChoice(visibleByDefault);
  const upload = (file: File) => start(file, chooses ? visible : undefined);
  const { ask, dialog } = useConfirm();
  const [dragOver, setDragOver] = useState(false);
  const photos = list.items.filter(isImage);
  const viewer = usePhotoViewer(projectId, photos, nameOf);

  return (
    <section
      aria-label="Files"
      className={`rounded-lg border-2 border-dashed p-4 transition-colors ${dragOver ? "border-emerald-400 bg-emerald-50" : "border-transparent"}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragOver(false);
        for (const file of event.dataTransfer.files) upload(file);
      }}
    >
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <label
          className={`${ui.primary} cursor-pointer focus-within:outline-2 focus-within:outline-emerald-600`}
        >
          Upload files
          <input
            type="file"
            multiple
            className="sr-only"
            onChange={(event) => {
              for (const file of event.target.files ?? []) upload(file);
              event.target.value = "";
            }}
          />
        </label>
        {chooses && <VisibilityChoice visible={visible} onChange={setVisible} />}
        <p className="text-sm text-slate-500">or drop them here. Images, PDFs, office documents and text.</p>
      </div>
      <UploadList uploads={uploads} onDismiss={dismiss} />
      {(download.error || share.error || remove.error) && (
        <Failed error={download.error ?? share.error ?? remove.error} />
      )}
      <ListStates list={list} what="files" count={list.items.length} empty="No files yet." />
      {photos.length > 0 && (
        <section aria-labelledby="photos-title" className="mb-4">
          <h2 id="photos-title" className="mb-2 text-sm font-semibold text-slate-700">
            Photos
          </h2>
          <PhotoList
            projectId={projectId}
            photos={photos}
            onOpen={viewer.open}
            className="grid grid-cols-3 gap-2 sm:grid-cols-5 lg:grid-cols-8"
            thumbClassName="aspect-square w-full"
          />
        </section>
      )}
      {list.items.length > 0 && (
        <ul
          aria-label="All files"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {list.items.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-3 px-3 py-2" data-testid="file-row">
              <span className="size-10 shrink-0 overflow-hidden rounded bg-slate-100" aria-hidden="true">
                {isImage(file) ? (
                  <Thumbnail projectId={projectId} file={file} />
                ) : (
                  <span className="flex size-full items-center justify-center text-xs font-semibold text-slate-700 uppercase">
                    {extensionOf(file.name)}
                  </span>
                )}
              </span>
              <span className="min-w-0 grow basis-48 text-sm">
                <button
                  type="button"
                  className="text-left font-medium text-slate-900 underline decoration-slate-300 [overflow-wrap:anywhere] hover:text-emerald-800"
                  onClick={() =>
                    isImage(file)
                      ? viewer.open(photos.findIndex((p) => p.id === file.id))
                      : download.mutate(file)
                  }
                >
                  {file.name}
                </button>
                {!file.clientVisible && (
                  <>
                    {" "}
                    <InternalBadge />
                  </>
                )}
                <span className="block text-xs text-slate-500">
                  {formatSize(file.size)} · {nameOf(file.uploadedBy) ?? "Someone"} ·{" "}
                  <When iso={file.createdAt} />
                </span>
              </span>
              <span className="flex flex-wrap justify-end gap-2">
                {can("file", "visibility", fileSubject(file)) && (
                  <VisibilityToggle
                    visible={file.clientVisible}
                    about={file.name}
                    pending={share.isPending && share.variables.file.id === file.id}
                    onToggle={(clientVisible) => share.mutate({ file, clientVisible })}
                  />
                )}
                <button
                  type="button"
                  className={`${ui.secondary} py-1`}
                  aria-label={`Download ${file.name}`}
                  onClick={() => download.mutate(file)}
                >
                  Download
                </button>
                {can("file", "delete", fileSubject(file)) && (
                  <button
                    type="button"
                    className={`${ui.danger} py-1`}
                    aria-label={`Delete ${file.name}`}
                    onClick={async () =>
                      (await ask({ title: `Delete ${file.name}?`, confirm: "Delete", danger: true })) &&
                      remove.mutate(file)
                    }
                  >
                    Delete
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} label="More files" />
      {viewer.lightbox}
      {dialog}
    </section>
  );
}

const extensionOf = (name: string) =>
  name.includes(".") ? (name.split(".").pop() ?? "").slice(0, 4) : "file";
