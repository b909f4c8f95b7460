// A project's change orders and running totals: staff draft, edit, send and withdraw; clients
// approve or decline with their typed full name.
import type { ChangeOrder } from "@rehome/core/change-order";
import type * as z from "zod";
import { type Request, seg } from "../http";
import type { ChangeOrderInfo, Page, PageQuery, ProjectTotals } from "../types";

const orders = (projectId: string) => `/api/projects/${seg(projectId)}/change-orders`;
const order = (projectId: string, id: string) => `${orders(projectId)}/${seg(id)}`;

export const changeOrders = (request: Request) => ({
  changeOrders: {
    /** Newest first; a client's list has no drafts. */
    list: (projectId: string, query?: PageQuery) =>
      request<Page<ChangeOrderInfo>>("GET", orders(projectId), undefined, query),
    get: (projectId: string, id: string) => request<ChangeOrderInfo>("GET", order(projectId, id)),
    /** A new draft (staff). */
    create: (projectId: string, input: z.input<typeof ChangeOrder.CreateInput>) =>
      request<ChangeOrderInfo>("POST", orders(projectId), input),
    /** Edits a draft; a sent or decided one answers 409. */
    update: (projectId: string, id: string, input: z.input<typeof ChangeOrder.UpdateInput>) =>
      request<ChangeOrderInfo>("PATCH", order(projectId, id), input),
    send: (projectId: string, id: string) => request<ChangeOrderInfo>("POST", `${order(projectId, id)}/send`),
    withdraw: (projectId: string, id: string) =>
      request<ChangeOrderInfo>("POST", `${order(projectId, id)}/withdraw`),
    /** The client's approval, signed with their full name as on their account. */
    approve: (projectId: string, id: string, input: z.input<typeof ChangeOrder.ApproveInput>) =>
      request<ChangeOrderInfo>("POST", `${order(projectId, id)}/approve`, input),
    decline: (projectId: string, id: string, input: z.input<typeof ChangeOrder.DeclineInput>) =>
      request<ChangeOrderInfo>("POST", `${order(projectId, id)}/decline`, input),
    /** Original budget, approved changes and changes awaiting a decision. */
    totals: (projectId: string) => request<ProjectTotals>("GET", `/api/projects/${seg(projectId)}/totals`),
  },
});
