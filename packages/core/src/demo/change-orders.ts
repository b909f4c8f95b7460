// The demo kitchen's change orders: one the client approved earlier (signed, with its snapshot)
// and one sent and awaiting the demo client's decision. Written as history — drafted through the
// use case, then the later steps recorded as they stand — so seeding sends no email.
import { Activity } from "../activity";
import type { UserActor } from "../actor";
import { ChangeOrder } from "../change-order";
import { ChangeOrderEntity } from "../change-order/entity";
import { type Item, snapshotOf } from "../change-order/info";
import { nowIso } from "../util";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function seedChangeOrders(
  projectId: string,
  team: UserActor,
  client: UserActor,
  clientName: string,
) {
  const quartz = await ChangeOrder.create(team, projectId, {
    title: "Upgrade worktops to 30 mm quartz",
    description:
      "Replace the laminate worktops in the quote with 30 mm quartz (Calacatta finish), including the undermount sink cut-out, a 100 mm upstand and polished edges.",
    reason: "Your choice after the showroom visit.",
    costDelta: 180_000,
    scheduleDeltaDays: 3,
    decisionDue: day(7),
    internalNote:
      "Supplier quoted 2,400 for the run; we keep our 3,100 price. Template visit needs two days' notice.",
  });
  const sink = await ChangeOrder.create(team, projectId, {
    title: "Move the sink under the window",
    description:
      "Relocate the sink 1.2 m to the window wall: extend the waste and supply pipes, add a dishwasher feed, and make good the old wall.",
    reason: "Requested on site, to keep the worktop by the hob clear.",
    costDelta: 65_000,
    scheduleDeltaDays: 2,
    decisionDue: day(5),
    internalNote: "The plumber can fit it in on Thursday if the client approves by Tuesday.",
  });
  const sent = { state: "sent" as const, clientVisible: true, sentBy: team.userId, sentAt: nowIso() };
  const [approved] = await Promise.all([quartz, sink].map((order) => send(team, order, sent)));
  await patch(projectId, team.workspaceId, quartz.id, {
    state: "approved",
    decidedBy: client.userId,
    decidedAt: nowIso(),
    signature: clientName,
    decidedFromIp: "203.0.113.24",
    snapshot: approved && snapshotOf(approved),
  });
  await Activity.record(client, projectId, {
    action: "change_order.approved",
    subjectType: "change_order",
    subjectId: quartz.id,
    summary: `Approved change order "${quartz.title}"`,
  });
}

async function send(team: UserActor, order: ChangeOrder.Info, sent: Partial<Item>) {
  const item = await patch(order.projectId, team.workspaceId, order.id, sent);
  await Activity.record(team, order.projectId, {
    action: "change_order.sent",
    subjectType: "change_order",
    subjectId: order.id,
    summary: `Sent change order "${order.title}" for approval`,
  });
  return item;
}

async function patch(projectId: string, workspaceId: string, changeOrderId: string, changes: Partial<Item>) {
  const { data } = await ChangeOrderEntity()
    .patch({ workspaceId, projectId, changeOrderId })
    .set({ ...changes, updatedAt: nowIso() })
    .go({ response: "all_new" });
  return data as Item;
}
