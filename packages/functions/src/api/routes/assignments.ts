// Who is on a project (any member may look) and, for admins, adding, re-roling and removing.
import { createRoute, z } from "@hono/zod-openapi";
import { Project } from "@rehome/core/project";
import { router } from "../context";
import { bearer, errors, Id, json, jsonBody } from "../openapi";

const AssignmentParams = z.object({ id: Id, userId: Id });
const tags = ["Projects"];

export const assignments = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/assignments",
      tags,
      security: bearer,
      request: { params: z.object({ id: Id }) },
      responses: {
        200: json(z.object({ items: z.array(Project.Assignment) }), "The project's people and roles"),
        ...errors,
      },
    }),
    async (c) => c.json(await Project.assignments(c.get("actor"), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/api/projects/{id}/assignments/{userId}",
      tags,
      security: bearer,
      request: { params: AssignmentParams, ...jsonBody(Project.AssignInput) },
      responses: { 200: json(Project.Assignment, "Assigned (or role changed)"), ...errors },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json(await Project.assign(c.get("actor"), id, userId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/projects/{id}/assignments/{userId}",
      tags,
      security: bearer,
      request: { params: AssignmentParams },
      responses: { 204: { description: "Removed from the project" }, ...errors },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      await Project.unassign(c.get("actor"), id, userId);
      return c.body(null, 204);
    },
  );
