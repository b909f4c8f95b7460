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

/** A page of a list endpoint: one DynamoDB Query each (a client's filtered list may need more). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The paging input of every list use case. */
export const PageInput = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** What one page's Query is told: where to start, items read per request, items returned. */
export interface PageRead {
  cursor: string | undefined;
  /** DynamoDB's Limit: the items each request reads, before the Query's filter. */
  limit: number;
  /** ElectroDB's `count`: query on until the page holds this many items or the list ends. */
  count?: number;
}

/**
 * How one page of a list is read. DynamoDB filters a Query after its Limit, so a page of a
 * list that hides items from its reader (a client's, internal items filtered out) could come
 * back short or empty, its cursor DynamoDB's LastEvaluatedKey: the keys of a hidden item. Such a
 * list reads with ElectroDB's `count` instead: bounded requests until the page holds `limit`
 * items or the list ends, and a cursor built from the keys of the last item returned, never one
 * past it. Staff lists hide nothing and read one Query per page.
 */
export const pageRead = (cursor: string | undefined, limit: number, hidesItems: boolean): PageRead =>
  hidesItems ? { cursor, limit: readAhead(limit), count: limit } : { cursor, limit };

/**
 * Twice the page per request, and never fewer than READ_AT_LEAST: room for hidden items, so a
 * page mostly costs one Query, and a small page among many internal items (a client asking for
 * one message at a time) does not take a Query per two of them.
 */
const readAhead = (limit: number) => Math.max(2 * limit, READ_AT_LEAST);
const READ_AT_LEAST = 25;

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
