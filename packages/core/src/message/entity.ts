// Access patterns: get a message of a project; list a project's thread newest first (ids are
// time-ordered, so the primary key's reverse order is newest first).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const MessageEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "message", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          messageId: { type: "string", required: true },
          authorId: { type: "string", required: true },
          /** The author's name when they wrote it: the thread reads without a user lookup. */
          authorName: { type: "string", required: true },
          body: { type: "string", required: true },
          mentions: { type: "list", items: { type: "string" }, default: [] },
          /** Ids of files of the same project, shown with the message (read afresh each time). */
          attachments: { type: "list", items: { type: "string" }, default: [] },
          /** False for internal messages, which clients never see (unset on older items: visible). */
          clientVisible: { type: "boolean" },
          createdAt: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
          editedAt: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "sk", composite: ["messageId"] },
          },
        },
      },
      dataTable(),
    ),
);
