// Uploads in progress in this tab: a progress bar each, cancel while running, and the reason
// when the API or storage refused a file.
import type { Upload } from "./useUploads";

export function UploadList({ uploads, onDismiss }: { uploads: Upload[]; onDismiss: (id: string) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul aria-label="Uploads" className="mb-4 space-y-2">
      {uploads.map((upload) => (
        <li
          key={upload.id}
          className="rounded-md border border-slate-200 bg-white p-3 text-sm"
          data-testid="upload"
        >
          <div className="flex items-center gap-3">
            <span className="grow truncate font-medium">{upload.name}</span>
            {upload.error ? (
              <button type="button" className="text-xs underline" onClick={() => onDismiss(upload.id)}>
                Dismiss
              </button>
            ) : (
              <button type="button" className="text-xs underline" onClick={upload.cancel}>
                Cancel
              </button>
            )}
          </div>
          {upload.error ? (
            <p role="alert" className="mt-1 text-red-700">
              {upload.error}
            </p>
          ) : (
            <progress
              className="mt-2 h-2 w-full accent-emerald-700"
              value={upload.progress}
              max={1}
              aria-label={`Uploading ${upload.name}`}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
