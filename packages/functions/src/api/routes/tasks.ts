// A project's task board: list (filters: status, mine/assignee, overdue, label), get, create,
// update or move, delete.
import { createRoute, z } from "@hono/zod-openapi";
import { Task } from "@rehome/core/task";
import { router } from "../context";
import { bearer, ErrorSchema, errors, Id, json, jsonBody, page } from "../openapi";

const ProjectParams = z.object({ id: Id });
const TaskParams = z.object({ id: Id, taskId: Id });

export const tasks = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/tasks",
      tags: ["Tasks"],
      security: bearer,
      request: { params: ProjectParams, query: Task.ListInput },
      responses: {
        200: json(page(Task.Info), "Tasks in board order, or by due date when filtered by assignee"),
        ...errors,
      },
    }),
    async (c) => c.json(await Task.list(c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/tasks",
      tags: ["Tasks"],
      security: bearer,
      request: { params: ProjectParams, ...jsonBody(Task.CreateInput) },
      responses: {
        201: json(Task.Info, "Created"),
        409: json(ErrorSchema, "The project is archived"),
        422: json(ErrorSchema, "The assignee is not on the project"),
        ...errors,
      },
    }),
    async (c) => c.json(await Task.create(c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/tasks/{taskId}",
      tags: ["Tasks"],
      security: bearer,
      request: { params: TaskParams },
      responses: { 200: json(Task.Info, "The task"), ...errors },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid("param");
      return c.json(await Task.get(c.get("actor"), id, taskId), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/projects/{id}/tasks/{taskId}",
      tags: ["Tasks"],
      security: bearer,
      request: { params: TaskParams, ...jsonBody(Task.UpdateInput) },
      responses: {
        200: json(Task.Info, "Updated (a change of status or position is a move)"),
        409: json(ErrorSchema, "The project is archived, or the task kept changing under this one"),
        422: json(ErrorSchema, "The assignee is not on the project, or it would start after it is due"),
        ...errors,
      },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid("param");
      return c.json(await Task.update(c.get("actor"), id, taskId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/projects/{id}/tasks/{taskId}",
      tags: ["Tasks"],
      security: bearer,
      request: { params: TaskParams },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid("param");
      await Task.remove(c.get("actor"), id, taskId);
      return c.body(null, 204);
    },
  );
