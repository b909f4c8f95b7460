// Shared ElectroDB wiring for both tables. Entities are declared in their concept folders
// (task/entity.ts, …) and built lazily so config is read at cold start, not at import.
import type { EntityConfiguration } from "electrodb";
import * as z from "zod";
import { documents } from "../aws/clients";
import { config } from "../config";
import { VisibleError } from "../error";

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

/** The paging input of every list use case. */
export const PageInput = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const toPage = <T>(result: { data: T[]; cursor: string | null }): Page<T> =>
  result.cursor ? { items: result.data, nextCursor: result.cursor } : { items: result.data };

/**
 * Runs one page of a list Query. A cursor this list did not hand out (tampered, truncated, from
 * another list) is the caller's mistake: a 400, never a 500.
 */
export async function paged<T>(
  cursor: string | undefined,
  query: (cursor: string | undefined) => Promise<{ data: T[]; cursor: string | null }>,
): Promise<Page<T>> {
  try {
    return toPage(await query(cursor));
  } catch (error) {
    if (cursor && isCursorError(error))
      throw new VisibleError("invalid_cursor", "This cursor does not belong to this list.", 400);
    throw error;
  }
}

/** ElectroDB's own cursor parse error, or DynamoDB refusing the start key (possibly wrapped). */
const isCursorError = (error: unknown): boolean =>
  error instanceof Error &&
  (/cursor|start(ing)? ?key/i.test(error.message) ||
    error.name === "ValidationException" ||
    isCursorError(error.cause));

interface VisibilityOperations {
  notExists(attribute: unknown): string;
  eq(attribute: unknown, value: boolean): string;
}

/**
 * The Query filter of what a client may list: items not marked internal (older items carry no
 * mark and stay visible). Used by every list a client reads, so internal items never leave.
 */
export const clientVisibleOnly = (a: { clientVisible: unknown }, op: VisibilityOperations): string =>
  `(${op.notExists(a.clientVisible)} OR ${op.eq(a.clientVisible, true)})`;

/** Whether a write was refused by its condition (ElectroDB wraps the SDK's error, sometimes twice). */
export const conditionFailed = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === "ConditionalCheckFailedException" ||
    /conditional request failed/i.test(error.message) ||
    conditionFailed(error.cause));
