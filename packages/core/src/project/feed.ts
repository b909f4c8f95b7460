// One page of a project's items, newest first, for whoever may see the project: the thread,
// the files, the activity log, change orders and site logs are read this way. Queries, never a
// Scan; for a reader who may not see internal items the Query filters them out
// (`clientVisibleOnly`) and reads on until the page is full (`pageRead`).
import type * as z from "zod";
import type { Actor, Role } from "../actor";
import { clientVisibleOnly, type Page, PageInput, type PageRead, paged, pageRead } from "../db";
import { seesInternal } from "../permissions";
import { projectAccess, workspaceOf } from "../policy";

interface Query<T> {
  where(filter: typeof clientVisibleOnly): Query<T>;
  go(options: PageRead & { order: "desc" }): Promise<{ data: T[]; cursor: string | null }>;
}

export async function newestFirst<T, R>(
  actor: Actor,
  projectId: string,
  input: z.input<typeof PageInput>,
  query: (key: { workspaceId: string; projectId: string }) => Query<T>,
  /** A page's items as the reader sees them; `role` decides what of each item it may see. */
  toInfos: (items: T[], role: Role) => R[] | Promise<R[]>,
): Promise<Page<R>> {
  const { cursor, limit } = PageInput.parse(input);
  const { role } = await projectAccess(actor, projectId);
  const key = { workspaceId: workspaceOf(actor), projectId };
  const hidesInternal = !seesInternal(role);
  const list = () => (hidesInternal ? query(key).where(clientVisibleOnly) : query(key));
  const page = await paged(cursor, (c) => list().go({ ...pageRead(c, limit, hidesInternal), order: "desc" }));
  return { ...page, items: await toInfos(page.items, role) };
}
