// A change to a project's content, told both ways after the write: the event to the project's
// live subscribers, then a line in the project's activity log named after that event.
import type { z } from "zod";
import { Activity } from "../activity";
import type { Actor } from "../actor";
import type { EventDefinition } from "../event";
import { Channel, publish } from "../realtime";

export async function announce<S extends z.ZodType>(
  actor: Actor,
  projectId: string,
  definition: EventDefinition<string, S>,
  data: z.infer<S>,
  about: Omit<Activity.Entry, "action">,
): Promise<void> {
  await publish(Channel.project(projectId), definition, data);
  await Activity.record(actor, projectId, { action: definition.name, ...about });
}
