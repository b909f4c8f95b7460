// A project's Files tab: upload (button or drop) straight to storage with progress, the
// checked files with download, delete where the permission table allows (the uploader, team,
// admins), and for staff whether a file is internal, chosen at upload and switched per file.
import { useState } from "react";
import { useParams } from "react-router";
import { useConfirm } from "../components/Confirm";
import { Failed, ListStates, LoadMore } from "../components/States";
import { TableHead } from "../components/TableHead";
import { ui } from "../components/ui";
import {
  InternalBadge,
  useVisibilityChoice,
  VisibilityChoice,
  VisibilityToggle,
} from "../components/Visibility";
import { useMembers } from "../hooks/useMembers";
import { fileSubject, usePermissions } from "../hooks/useProject";
import { UploadList } from "./UploadList";
import { useFiles } from "./useFiles";

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
      {list.items.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          {/* On a phone the table scrolls sideways rather than breaking names letter by letter. */}
          <table className="w-full min-w-2xl text-left text-sm">
            <TableHead columns={["Name", "Size", "Uploaded by", "When"]} cell="px-3" />
            <tbody>
              {list.items.map((file) => (
                <tr key={file.id} className="border-t border-slate-100" data-testid="file-row">
                  <td className="min-w-48 px-3 py-2">
                    <span className="font-medium break-all">{file.name}</span>
                    {!file.clientVisible && (
                      <>
                        {" "}
                        <InternalBadge />
                      </>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatSize(file.size)}</td>
                  <td className="px-3 py-2 text-slate-600">{nameOf(file.uploadedBy) ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                    {new Date(file.createdAt).toLocaleDateString()}
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex justify-end gap-2">
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
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} label="More files" />
      {dialog}
    </section>
  );
}

const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1_048_576
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1_048_576).toFixed(1)} MB`;
