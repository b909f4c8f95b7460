// A change order's states on write: which changes its state refuses (409 with a code saying
// why), and the conditional write that lands only while the stored state is still the one read,
// so of two concurrent changes exactly one wins.
import { conditionFailed } from "../db";
import { conflict, notFound, type VisibleError } from "../error";
import { ChangeOrderEntity } from "./entity";
import { type Info, type Item, stateOf } from "./info";

/** 409 unless the change order is in one of `states`. */
export function refuseUnless(item: Item, ...states: Info["state"][]): void {
  if (!states.includes(stateOf(item))) throw refusal(item);
}

/** Why a change order in its state refuses a change, with a code saying so. */
function refusal(item: Item): VisibleError {
  const state = stateOf(item);
  if (state === "approved" || state === "declined")
    return conflict(
      "change_order.decided",
      `This change order was ${state} and can never change; create a new one.`,
    );
  if (state === "expired")
    return conflict(
      "change_order.expired",
      "The decision date of this change order has passed; ask for a new one.",
    );
  return conflict("change_order.wrong_state", `This change order is ${state}; that is not possible now.`);
}

type Changes = Partial<Omit<Item, "workspaceId" | "projectId" | "changeOrderId">>;

/**
 * Writes `changes` only while the stored change order is still in state `from` (and, for a
 * decision, still due on or after `dueFrom`): a concurrent change that landed first makes this one
 * a 409 rather than overwrite it.
 */
export async function transition(before: Item, from: Item["state"], changes: Changes, dueFrom?: string) {
  const { workspaceId, projectId, changeOrderId } = before;
  try {
    const { data } = await ChangeOrderEntity()
      .patch({ workspaceId, projectId, changeOrderId })
      .set(changes)
      .where((a, op) =>
        dueFrom ? `${op.eq(a.state, from)} AND ${op.gte(a.decisionDue, dueFrom)}` : op.eq(a.state, from),
      )
      .go({ response: "all_new" });
    return data as Item;
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    const { data: now } = await ChangeOrderEntity().get({ workspaceId, projectId, changeOrderId }).go();
    throw now ? refusal(now) : notFound("change order");
  }
}
