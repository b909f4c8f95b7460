// Shared ElectroDB wiring for both tables. Entities are declared in their concept folders
// (task/entity.ts, …) and built lazily so config is read at cold start, not at import.
import type { EntityConfiguration } from "electrodb";
import { documents } from "../aws/clients";
import { config } from "../config";

export const service = "rehome";

export const dataTable = (): EntityConfiguration => ({ table: config().tables.data, client: documents() });
export const realtimeTable = (): EntityConfiguration => ({
  table: config().tables.realtime,
  client: documents(),
});

/** A page of a list endpoint: one DynamoDB Query each. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export const toPage = <T>(result: { data: T[]; cursor: string | null }): Page<T> =>
  result.cursor ? { items: result.data, nextCursor: result.cursor } : { items: result.data };
