// Files (Data table) and upload tickets (Realtime table). Access patterns: get a file of a
// project; list a project's ready files newest first (gsi1, sparse on `status`); get a ticket.
import { Entity } from "electrodb";
import { dataTable, realtimeTable, service } from "../db";
import { once } from "../util";

export const FileEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "file", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          fileId: { type: "string", required: true },
          /** The checked bytes' object: `permanentKey` (keys/), never the person's file name. */
          key: { type: "string", required: true },
          name: { type: "string", required: true },
          contentType: { type: "string", required: true },
          /** Declared at upload, then the stored object's real size. */
          size: { type: "number", required: true },
          /** Written `ready` by `complete`; `pending` only on items from before upload tickets. */
          status: { type: ["pending", "ready"] as const, required: true },
          uploadedBy: { type: "string", required: true },
          /** False for internal files, which clients never see (unset on older items: visible). */
          clientVisible: { type: "boolean" },
          createdAt: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "sk", composite: ["fileId"] },
          },
          listed: {
            index: "gsi1",
            condition: (attributes) => attributes.status === "ready",
            pk: { field: "gsi1pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "gsi1sk", composite: ["fileId"] },
          },
        },
      },
      dataTable(),
    ),
);

/**
 * An upload not yet completed: what `createUpload` was told, until `complete` turns it into a
 * ready file. In the Realtime table, so an abandoned one expires on its own (TTL, `expiresAt` in
 * epoch seconds) and the durable Data table holds only checked files.
 */
export const UploadEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "upload", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          fileId: { type: "string", required: true },
          name: { type: "string", required: true },
          contentType: { type: "string", required: true },
          /** Declared: the most the upload form accepts. */
          size: { type: "number", required: true },
          uploadedBy: { type: "string", required: true },
          clientVisible: { type: "boolean", required: true },
          createdAt: { type: "string", required: true },
          expiresAt: { type: "number", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId", "fileId"] },
            sk: { field: "sk", composite: [] },
          },
        },
      },
      realtimeTable(),
    ),
);
