// A newest-first list endpoint as an infinite query that live events keep current: new items
// go on top of the first page, changed ones are replaced in place, deleted ones dropped.
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
