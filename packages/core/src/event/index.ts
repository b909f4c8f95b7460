// Declares a domain event next to the entity that emits it. The realtime publisher, the SPA
// and the tests use the same name and schema, so an event cannot drift between layers.
import type { z } from "zod";

export interface EventDefinition<Name extends string, Schema extends z.ZodType> {
  readonly name: Name;
  readonly schema: Schema;
}

export const event = <Name extends string, Schema extends z.ZodType>(name: Name, schema: Schema) =>
  ({ name, schema }) as EventDefinition<Name, Schema>;

export type EventPayload<E> = E extends EventDefinition<string, infer S> ? z.infer<S> : never;
