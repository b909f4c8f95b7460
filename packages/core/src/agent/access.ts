// Who may hear an agent thread live: its author only; the rule lives with the thread and
// realtime asks through here.
import type { Actor } from "../actor";
import { own } from "./thread";

export async function canSeeThread(actor: Actor, threadId: string): Promise<boolean> {
  return own(actor, threadId).then(
    () => true,
    () => false,
  );
}
