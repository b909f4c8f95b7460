// Access patterns: get a user of a workspace; list the users of a workspace;
// find a user by email (the EmailGuard item, which also keeps emails unique across workspaces).
import { Entity } from "electrodb";
import { Roles } from "../actor";
import { dataTable, service } from "../db";
import { once } from "../util";

export const UserEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "user", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          userId: { type: "string", required: true },
          email: { type: "string", required: true },
          name: { type: "string", required: true },
          role: { type: Roles, required: true },
          status: { type: ["active", "invited", "deactivated"] as const, required: true },
          passwordHash: { type: "string" },
          /** Opted in to digest emails (daily project digests; weekly rollups for admins). */
          digestEmails: { type: "boolean", default: false },
          createdAt: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId"] },
            sk: { field: "sk", composite: ["userId"] },
          },
        },
      },
      dataTable(),
    ),
);

export const EmailGuardEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "email", version: "1", service },
        attributes: {
          email: { type: "string", required: true },
          workspaceId: { type: "string", required: true },
          userId: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["email"] },
            sk: { field: "sk", composite: [] },
          },
        },
      },
      dataTable(),
    ),
);
