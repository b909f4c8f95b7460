// Uploads one file straight to storage with the presigned POST the API hands out, reporting
// progress (fetch cannot report upload progress; XMLHttpRequest can), then has the API check
// and list it.
import type { FileInfo } from "@rehome/client";
import { api } from "../session";

export async function uploadFile(
  projectId: string,
  file: File,
  /** Unset: the project's default (only staff may choose). */
  clientVisible: boolean | undefined,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<FileInfo> {
  const ticket = await api.files.createUpload(projectId, {
    name: file.name,
    contentType: file.type || "application/octet-stream",
    size: file.size,
    ...(clientVisible !== undefined && { clientVisible }),
  });
  const form = new FormData();
  for (const [key, value] of Object.entries(ticket.upload.fields)) form.append(key, value);
  // The policy requires the file as the last field.
  form.append("file", file);
  await post(ticket.upload.url, form, onProgress, signal);
  return api.files.complete(projectId, ticket.file.id);
}

function post(url: string, form: FormData, onProgress: (fraction: number) => void, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(
            new Error(
              xhr.status === 400
                ? "Storage refused the file (too large or wrong type)."
                : `Upload failed (${xhr.status}).`,
            ),
          );
    xhr.onerror = () => reject(new Error("The upload was interrupted. Check your connection."));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
