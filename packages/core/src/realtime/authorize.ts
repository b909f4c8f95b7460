// Who may subscribe to which channel. Project channels use the same policy as the HTTP API and
// remember the subscriber's role on the project, which decides what the publisher sends them;
// a user channel is its owner's only; an agent thread is its author's only.
import type { Actor, Role } from "../actor";
import { canSeeThread } from "../agent/access";
import { projectAccess } from "../policy";
import type { ParsedChannel } from "./channel";

/** A granted subscription, with the role it listens in (project channels); undefined if refused. */
export type Grant = { role?: Role } | undefined;

export async function authorizeChannel(actor: Actor, channel: ParsedChannel): Promise<Grant> {
  switch (channel.kind) {
    case "project":
    case "presence":
      return projectAccess(actor, channel.id).then(
        ({ role }) => ({ role }),
        () => undefined,
      );
    case "user":
      return actor.type === "user" && actor.userId === channel.id ? {} : undefined;
    case "agentThread":
      return (await canSeeThread(actor, channel.id)) ? {} : undefined;
  }
}
