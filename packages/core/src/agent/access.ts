// Who may see an agent thread: the rule lives with the thread; realtime asks through here.
import type { Actor } from "../actor";
import { get } from "./thread";

export async function canSeeThread(actor: Actor, threadId: string): Promise<boolean> {
  return get(actor, threadId).then(
    () => true,
    () => false,
  );
}
