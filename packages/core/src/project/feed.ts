// One page of a project's items, newest first, for whoever may see the project: the thread,
// the files and the activity log are read this way. One Query per page, never a Scan.
import type { z } from "zod";
import type { Actor } from "../actor";
import { type Page, PageInput, paged } from "../db";
import { requireProject, workspaceOf } from "../policy";

interface Query<T> {
  go(options: {
    cursor?: string;
    limit: number;
    order: "desc";
  }): Promise<{ data: T[]; cursor: string | null }>;
}

export async function newestFirst<T, R>(
  actor: Actor,
  projectId: string,
  input: z.input<typeof PageInput>,
  query: (key: { workspaceId: string; projectId: string }) => Query<T>,
  toInfo: (item: T) => R,
): Promise<Page<R>> {
  const { cursor, limit } = PageInput.parse(input);
  await requireProject(actor, projectId);
  const key = { workspaceId: workspaceOf(actor), projectId };
  const page = await paged(cursor, (c) => query(key).go({ cursor: c, limit, order: "desc" }));
  return { ...page, items: page.items.map(toInfo) };
}
