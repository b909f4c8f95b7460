// A project's Files tab: upload (button or drop) straight to storage with progress, the
// checked files with download, and delete for the uploader or an admin.
import type { FileInfo } from "@rehome/client";
import { useState } from "react";
import { useParams } from "react-router";
import { Failed, ListStates, LoadMore } from "../components/States";
import { TableHead } from "../components/TableHead";
import { ui } from "../components/ui";
import { useMembers } from "../hooks/useMembers";
import { useSession } from "../session";
import { UploadList } from "./UploadList";
import { useFiles } from "./useFiles";

export function FilesTab() {
  const { projectId = "" } = useParams();
  const me = useSession();
  const { nameOf } = useMembers(projectId);
  const { list, uploads, upload, dismiss, download, remove } = useFiles(projectId);
  const [dragOver, setDragOver] = useState(false);
  const canDelete = (file: FileInfo) => file.uploadedBy === me?.id || me?.role === "admin";

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
        <p className="text-sm text-slate-500">or drop them here. Images, PDFs, office documents and text.</p>
      </div>
      <UploadList uploads={uploads} onDismiss={dismiss} />
      {(download.error || remove.error) && <Failed error={download.error ?? remove.error} />}
      <ListStates list={list} what="files" count={list.items.length} empty="No files yet." />
      {list.items.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <TableHead columns={["Name", "Size", "Uploaded by", "When"]} cell="px-3" />
            <tbody>
              {list.items.map((file) => (
                <tr key={file.id} className="border-t border-slate-100" data-testid="file-row">
                  <td className="px-3 py-2 font-medium break-all">{file.name}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatSize(file.size)}</td>
                  <td className="px-3 py-2 text-slate-600">{nameOf(file.uploadedBy) ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                    {new Date(file.createdAt).toLocaleDateString()}
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex justify-end gap-2">
                      <button
                        type="button"
                        className={`${ui.secondary} py-1`}
                        aria-label={`Download ${file.name}`}
                        onClick={() => download.mutate(file)}
                      >
                        Download
                      </button>
                      {canDelete(file) && (
                        <button
                          type="button"
                          className={`${ui.danger} py-1`}
                          aria-label={`Delete ${file.name}`}
                          onClick={() => window.confirm(`Delete ${file.name}?`) && remove.mutate(file)}
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
    </section>
  );
}

const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1_048_576
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1_048_576).toFixed(1)} MB`;
