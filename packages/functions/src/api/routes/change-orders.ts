// A project's change orders: list, draft, read, edit a draft, send it to the clients, withdraw
// it; the client approves or declines with a typed signature (recorded with the caller's
// address); and the project's running totals.
import { createRoute, z } from "@hono/zod-openapi";
import { ChangeOrder } from "@rehome/core/change-order";
import { router } from "../context";
import { clientIp } from "../middleware";
import { bearer, ErrorSchema, errors, Id, json, jsonBody, page } from "../openapi";

const ProjectParams = z.object({ id: Id });
const Params = z.object({ id: Id, changeOrderId: Id });
const tags = ["Change orders"];
const base = "/api/projects/{id}/change-orders";
const refused = {
  409: json(ErrorSchema, "Not possible in its state: `change_order.decided`, `.expired` or `.wrong_state`"),
  ...errors,
};

/**
 * A POST that moves a change order on: send or withdraw (staff) with no body, or the client's
 * decision with their typed full name as signature in the body.
 */
const step = <R extends { params: typeof Params }>(
  path: string,
  summary: string,
  request: R,
  invalid?: string,
) =>
  createRoute({
    method: "post",
    path: `${base}/{changeOrderId}/${path}`,
    tags,
    summary,
    security: bearer,
    request,
    responses: {
      200: json(ChangeOrder.Info, "The change order in its new state"),
      ...(invalid ? { 422: json(ErrorSchema, invalid) } : {}),
      ...refused,
    },
  });

const decision = <S extends z.ZodType>(path: "approve" | "decline", input: S, summary: string) =>
  step(path, summary, { params: Params, ...jsonBody(input) }, "The signature is not the signer's full name");

export const changeOrders = router()
  .openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      security: bearer,
      request: { params: ProjectParams, query: ChangeOrder.ListInput },
      responses: { 200: json(page(ChangeOrder.Info), "Newest first; clients see no drafts"), ...errors },
    }),
    async (c) =>
      c.json(await ChangeOrder.list(c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      security: bearer,
      request: { params: ProjectParams, ...jsonBody(ChangeOrder.CreateInput) },
      responses: {
        201: json(ChangeOrder.Info, "A draft"),
        409: json(ErrorSchema, "The project is archived"),
        422: json(ErrorSchema, "An attachment is not a client-visible file of the project"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await ChangeOrder.create(c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: `${base}/{changeOrderId}`,
      tags,
      security: bearer,
      request: { params: Params },
      responses: { 200: json(ChangeOrder.Info, "The change order"), ...errors },
    }),
    async (c) => {
      const { id, changeOrderId } = c.req.valid("param");
      return c.json(await ChangeOrder.get(c.get("actor"), id, changeOrderId), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: `${base}/{changeOrderId}`,
      tags,
      security: bearer,
      request: { params: Params, ...jsonBody(ChangeOrder.UpdateInput) },
      responses: {
        200: json(ChangeOrder.Info, "The edited draft"),
        422: json(ErrorSchema, "An attachment is not a client-visible file of the project"),
        ...refused,
      },
    }),
    async (c) => {
      const { id, changeOrderId } = c.req.valid("param");
      return c.json(await ChangeOrder.update(c.get("actor"), id, changeOrderId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    step(
      "send",
      "Send a draft to the project's clients for their decision",
      { params: Params },
      "The decision date has passed, or an attachment has since been made internal or deleted",
    ),
    async (c) => {
      const { id, changeOrderId } = c.req.valid("param");
      return c.json(await ChangeOrder.send(c.get("actor"), id, changeOrderId), 200);
    },
  )
  .openapi(step("withdraw", "Take back a sent change order", { params: Params }), async (c) => {
    const { id, changeOrderId } = c.req.valid("param");
    return c.json(await ChangeOrder.withdraw(c.get("actor"), id, changeOrderId), 200);
  })
  .openapi(decision("approve", ChangeOrder.ApproveInput, "Approve (clients)"), async (c) => {
    const { id, changeOrderId } = c.req.valid("param");
    const origin = { ip: clientIp(c) };
    return c.json(
      await ChangeOrder.approve(c.get("actor"), id, changeOrderId, c.req.valid("json"), origin),
      200,
    );
  })
  .openapi(decision("decline", ChangeOrder.DeclineInput, "Decline (clients)"), async (c) => {
    const { id, changeOrderId } = c.req.valid("param");
    const origin = { ip: clientIp(c) };
    return c.json(
      await ChangeOrder.decline(c.get("actor"), id, changeOrderId, c.req.valid("json"), origin),
      200,
    );
  })
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/totals",
      tags,
      security: bearer,
      request: { params: ProjectParams },
      responses: {
        200: json(ChangeOrder.Totals, "Original budget, approved changes and changes awaiting a decision"),
        ...errors,
      },
    }),
    async (c) => c.json(await ChangeOrder.totals(c.get("actor"), c.req.valid("param").id), 200),
  );
