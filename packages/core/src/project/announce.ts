// A change to a project's content, told both ways after the write: the event to the project's
// live subscribers, then a line in the project's activity log named after that event. An internal
// item's events reach only those whose role sees internal items (permission table); clients get
// `shown` / `hidden` when an item crosses the line, so open screens add or drop it live.
import type * as z from "zod";
import { Activity } from "../activity";
import type { Actor, Role } from "../actor";
import type { EventDefinition, VisibilityEvents } from "../event";
import { seesInternal } from "../permissions";
import { Channel, fixedAudience, publish, subscriptions } from "../realtime";

/** An item's visibility to clients after the change, and before it (for updates). */
export interface Visibility {
  now: boolean;
  before?: boolean;
  events: VisibilityEvents;
}

export async function announce<S extends z.ZodType>(
  actor: Actor,
  projectId: string,
  definition: EventDefinition<string, S>,
  data: z.infer<S>,
  about: Omit<Activity.Entry, "action">,
  visibility?: Visibility,
): Promise<void> {
  const channel = Channel.project(projectId);
  if (!visibility || (visibility.now && visibility.before !== false)) {
    await publish(channel, definition, data);
  } else {
    // One Query of the subscribers, split by what each one's role may see.
    const audience = fixedAudience(await subscriptions(channel));
    await publish(channel, definition, data, { audience, to: seesInternal });
    const clients = (role: Role) => !seesInternal(role);
    if (visibility.now) await publish(channel, visibility.events.Shown, data, { audience, to: clients });
    else if (visibility.before)
      await publish(
        channel,
        visibility.events.Hidden,
        { id: about.subjectId, projectId },
        { audience, to: clients },
      );
  }
  await Activity.record(actor, projectId, {
    action: definition.name,
    ...about,
    clientVisible: visibility?.now ?? true,
  });
}
