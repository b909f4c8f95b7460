// Who may subscribe to which channel. Project channels use the same policy as the HTTP API;
// a user channel is its owner's only; agent threads follow the thread's own access rule.
import type { Actor } from "../actor";
import { canSeeThread } from "../agent/access";
import { canSeeProject } from "../policy";
import type { ParsedChannel } from "./channel";

export async function authorizeChannel(actor: Actor, channel: ParsedChannel): Promise<boolean> {
  switch (channel.kind) {
    case "project":
    case "presence":
      return canSeeProject(actor, channel.id);
    case "user":
      return actor.type === "user" && actor.userId === channel.id;
    case "agentThread":
      return canSeeThread(actor, channel.id);
  }
}
