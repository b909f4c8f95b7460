// Projects: admins list, create, edit and archive; participants see the projects they are
// assigned to.
import { createRoute, z } from "@hono/zod-openapi";
import { Project } from "@rehome/core/project";
import { Standing } from "@rehome/core/standing";
import { router } from "../context";
import { bearer, errors, Id, json, jsonBody, page } from "../openapi";

const ProjectParams = z.object({ id: Id });

export const projects = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects",
      tags: ["Projects"],
      security: bearer,
      request: { query: Project.ListInput },
      responses: {
        200: json(page(Project.View), "Projects visible to you, each with your role on it"),
        ...errors,
      },
    }),
    async (c) => c.json(await Project.list(c.get("actor"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects",
      tags: ["Projects"],
      security: bearer,
      request: jsonBody(Project.CreateInput),
      responses: { 201: json(Project.View, "Created"), ...errors },
    }),
    async (c) => c.json(await Project.create(c.get("actor"), c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/standing",
      tags: ["Projects"],
      security: bearer,
      request: { query: Standing.Input },
      responses: {
        200: json(
          z.object({ items: z.array(Standing.Info) }),
          "Where each project of GET /api/projects stands for you, in its order: the projects page in one request",
        ),
        ...errors,
      },
    }),
    async (c) => c.json(await Standing.ofProjects(c.get("actor"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}",
      tags: ["Projects"],
      security: bearer,
      request: { params: ProjectParams },
      responses: { 200: json(Project.View, "The project, with your role on it"), ...errors },
    }),
    async (c) => c.json(await Project.get(c.get("actor"), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/projects/{id}",
      tags: ["Projects"],
      security: bearer,
      request: { params: ProjectParams, ...jsonBody(Project.UpdateInput) },
      responses: { 200: json(Project.View, "Edited, archived or unarchived"), ...errors },
    }),
    async (c) =>
      c.json(await Project.update(c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );
