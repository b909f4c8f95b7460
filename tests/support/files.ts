// Uploads the way the SPA does: ask for a presigned POST, send the form to S3, then complete.
import { call, type Target } from "./stack";

export interface Upload {
  name: string;
  contentType: string;
  bytes: Uint8Array;
  /** Declared size, when it should differ from the real one. */
  size?: number;
  /** Unset: the project's default. */
  clientVisible?: boolean;
}

export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);

/** Step 1 and 2: the ticket from the API and the status S3 answered the form post with. */
export async function send(stack: Target, token: string, projectId: string, file: Upload) {
  const ticket = await call(stack, "POST", `/api/projects/${projectId}/files`, {
    token,
    body: {
      name: file.name,
      contentType: file.contentType,
      size: file.size ?? file.bytes.length,
      clientVisible: file.clientVisible,
    },
  });
  if (ticket.status !== 201) return { ticket, s3Status: undefined };
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.upload.fields as Record<string, string>))
    form.append(name, value);
  form.append("file", new Blob([file.bytes], { type: file.contentType }), file.name);
  const s3 = await fetch(ticket.body.upload.url, { method: "POST", body: form });
  await s3.arrayBuffer();
  return { ticket, s3Status: s3.status };
}

/** The whole flow; returns the answer of `complete`. */
export async function upload(stack: Target, token: string, projectId: string, file: Upload) {
  const { ticket } = await send(stack, token, projectId, file);
  if (ticket.status !== 201) return ticket;
  return call(stack, "POST", `/api/projects/${projectId}/files/${ticket.body.file.id}/complete`, { token });
}
