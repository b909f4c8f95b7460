// Who may see an agent thread. Replaced by the agent module's thread rules.
import type { Actor } from "../actor";

export async function canSeeThread(_actor: Actor, _threadId: string): Promise<boolean> {
  return false;
}
