// Follows a list endpoint's cursor to the end, for screens that need the whole list (a board,
// a directory of people). Each page is one Query server-side.
import type { Page } from "@rehome/client";

export async function allPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    all.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return all;
}
