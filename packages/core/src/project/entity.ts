// Access patterns: get a project of a workspace; list a workspace's projects (admins);
// list a project's members; list the projects a user is assigned to (participants).
import { Entity } from "electrodb";
import { Roles } from "../actor";
import { dataTable, service } from "../db";
import { once } from "../util";

export const ProjectEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "project", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          name: { type: "string", required: true },
          description: { type: "string", default: "" },
          status: { type: ["active", "archived"] as const, required: true, default: "active" },
          /** Whether new tasks, messages and files are client-visible unless their author chooses. */
          clientVisibleByDefault: { type: "boolean", default: true },
          /** The original budget in minor units of the configured currency; unset: none agreed. */
          budget: { type: "number" },
          createdAt: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId"] },
            sk: { field: "sk", composite: ["projectId"] },
          },
        },
      },
      dataTable(),
    ),
);

/** The project_user pivot: who is assigned to which project, and in which role. */
export const AssignmentEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "assignment", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          userId: { type: "string", required: true },
          role: { type: Roles, required: true },
          createdAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "sk", composite: ["userId"] },
          },
          byUser: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["workspaceId", "userId"] },
            sk: { field: "gsi1sk", composite: ["projectId"] },
          },
        },
      },
      dataTable(),
    ),
);
