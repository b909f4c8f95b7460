// A newest-first list endpoint as an infinite query that live events keep current: new items
// go on top of the first page, changed ones are replaced in place, deleted ones dropped, and an
// older item that appears (shared with a client) takes its place by date.
import type { Page } from "@rehome/client";
import { type InfiniteData, type QueryClient, useInfiniteQuery } from "@tanstack/react-query";

type Pages<T> = InfiniteData<Page<T>, string | undefined>;

export function usePagedList<T>(
  key: readonly unknown[],
  page: (cursor: string | undefined) => Promise<Page<T>>,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => page(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** Puts an item on top (new) or in its place (changed); never twice. */
export function upsertItem<T extends { id: string }>(queries: QueryClient, key: readonly unknown[], item: T) {
  queries.setQueryData<Pages<T>>(key, (old) => {
    if (!old) return old;
    const known = old.pages.some((p) => p.items.some((i) => i.id === item.id));
    const pages = old.pages.map((p, index) => ({
      ...p,
      items: known
        ? p.items.map((i) => (i.id === item.id ? item : i))
        : index === 0
          ? [item, ...p.items]
          : p.items,
    }));
    return { ...old, pages };
  });
}

export function removeItem<T extends { id: string }>(
  queries: QueryClient,
  key: readonly unknown[],
  id: string,
) {
  queries.setQueryData<Pages<T>>(key, (old) =>
    old
      ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) })) }
      : old,
  );
}

/**
 * Puts an item that newly appears (an older one, shared with the reader) where it belongs by
 * `createdAt`, newest first. Older than every loaded item with more pages to load: it arrives
 * with those pages instead.
 */
export function placeItem<T extends { id: string; createdAt: string }>(
  queries: QueryClient,
  key: readonly unknown[],
  item: T,
) {
  queries.setQueryData<Pages<T>>(key, (old) => {
    if (!old || old.pages.some((p) => p.items.some((i) => i.id === item.id))) return old;
    const newer = (i: T) =>
      i.createdAt > item.createdAt || (i.createdAt === item.createdAt && i.id > item.id);
    const at = old.pages.findIndex((p) => p.items.some((i) => !newer(i)));
    const last = old.pages.length - 1;
    if (at < 0 && old.pages[last]?.nextCursor) return old;
    const pageIndex = at < 0 ? last : at;
    const pages = old.pages.map((p, index) => {
      if (index !== pageIndex) return p;
      const cut = p.items.findIndex((i) => !newer(i));
      const items = [...p.items];
      items.splice(cut < 0 ? items.length : cut, 0, item);
      return { ...p, items };
    });
    return { ...old, pages };
  });
}
