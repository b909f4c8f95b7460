// Declares a domain event next to the entity that emits it. The realtime publisher, the SPA
// and the tests use the same name and schema, so an event cannot drift between layers.
import * as z from "zod";

export interface EventDefinition<Name extends string, Schema extends z.ZodType> {
  readonly name: Name;
  readonly schema: Schema;
}

export const event = <Name extends string, Schema extends z.ZodType>(name: Name, schema: Schema) =>
  ({ name, schema }) as EventDefinition<Name, Schema>;

export type EventPayload<E> = E extends EventDefinition<string, infer S> ? z.infer<S> : never;

/** What clients get of an item that turned internal: its id, nothing more. */
export const ItemRef = z.object({ id: z.string(), projectId: z.string() });

/**
 * The events of an item's visibility to clients: `shown` (with the item) when it turns
 * client-visible, `hidden` (its id only) when it turns internal. Staff get the usual update.
 */
export const visibilityEvents = <Name extends string, Schema extends z.ZodType>(
  kind: Name,
  info: Schema,
) => ({
  Shown: event(`${kind}.shown`, info),
  Hidden: event(`${kind}.hidden`, ItemRef),
});
export type VisibilityEvents = ReturnType<typeof visibilityEvents<string, z.ZodType>>;
