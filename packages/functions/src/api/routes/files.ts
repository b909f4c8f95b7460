// Project files: upload by presigned POST, `complete` to check and list it, download by a
// short-lived presigned GET, marking internal or client-visible, delete.
import { createRoute, z } from "@hono/zod-openapi";
import { File } from "@rehome/core/file";
import { router } from "../context";
import { bearer, ErrorSchema, errors, Id, json, jsonBody, page } from "../openapi";

const ProjectParams = z.object({ id: Id });
const FileParams = z.object({ id: Id, fileId: Id });
const tags = ["Files"];

export const files = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/files",
      tags,
      security: bearer,
      request: { params: ProjectParams, query: File.ListInput },
      responses: { 200: json(page(File.Info), "Checked files, newest first"), ...errors },
    }),
    async (c) => c.json(await File.list(c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/files",
      tags,
      security: bearer,
      request: { params: ProjectParams, ...jsonBody(File.UploadInput) },
      responses: {
        201: json(File.UploadTicket, "A pending file and the presigned POST to upload it"),
        413: json(ErrorSchema, "Larger than UPLOAD_MAX_BYTES"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await File.createUpload(c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/files/{fileId}/complete",
      tags,
      security: bearer,
      request: { params: FileParams },
      responses: {
        200: json(File.Info, "Checked and listed"),
        409: json(ErrorSchema, "Nothing uploaded yet"),
        422: json(ErrorSchema, "Size or content does not match; the file was discarded"),
        ...errors,
      },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      return c.json(await File.complete(c.get("actor"), id, fileId), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/files/{fileId}/download",
      tags,
      security: bearer,
      request: { params: FileParams },
      responses: { 200: json(File.Download, "A download link valid for a minute"), ...errors },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      return c.json(await File.download(c.get("actor"), id, fileId), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/projects/{id}/files/{fileId}",
      tags,
      security: bearer,
      request: { params: FileParams, ...jsonBody(File.UpdateInput) },
      responses: { 200: json(File.Info, "Marked internal or client-visible"), ...errors },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      return c.json(await File.update(c.get("actor"), id, fileId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/projects/{id}/files/{fileId}",
      tags,
      security: bearer,
      request: { params: FileParams },
      responses: { 204: { description: "Deleted with its object" }, ...errors },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      await File.remove(c.get("actor"), id, fileId);
      return c.body(null, 204);
    },
  );
