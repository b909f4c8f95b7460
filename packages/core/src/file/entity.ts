// Access patterns: get a file of a project; list a project's ready files newest first (gsi1,
// sparse: a file enters the index only once `complete` has checked it).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
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
          /** `workspaceId/projectId/fileId`: never the person's file name. */
          key: { type: "string", required: true },
          name: { type: "string", required: true },
          contentType: { type: "string", required: true },
          /** Declared at upload, then the stored object's real size. */
          size: { type: "number", required: true },
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
