// Listing a project's tasks, one DynamoDB Query per page whatever the filter: the board index
// (optionally one status column, e.g. blocked) or the assignee index (mine, by assignee,
// unassigned) chooses the items; overdue and label narrow them as filters of that same Query.
// A client's Query also filters out internal tasks, so filling its page may take more requests.
import * as z from "zod";
import type { Actor } from "../actor";
import { clientVisibleOnly, type Page, paged, pageRead } from "../db";
import { seesInternal } from "../permissions";
import { projectAccess, requireUser, workspaceOf } from "../policy";
import { keysOf, TaskEntity } from "./entity";
import { type Info, type Item, Label, Status, toInfo } from "./info";

export const ListInput = z
  .object({
    cursor: z.string().max(2048).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
    status: Status.optional(),
    /** A user id, `me` (mine) or `none` (unassigned). */
    assignee: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id.")
      .optional(),
    label: Label.optional(),
    /** Due before today (UTC) and not done. */
    overdue: z.enum(["true", "false"]).optional(),
  })
  .meta({ id: "TaskListQuery" });

type Where = Parameters<ReturnType<ReturnType<typeof TaskEntity>["query"]["byBoard"]>["where"]>[0];

export async function list(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ListInput> = {},
): Promise<Page<Info>> {
  const { cursor, limit, status, assignee, label, overdue } = ListInput.parse(input);
  const { role } = await projectAccess(actor, projectId);
  const workspaceId = workspaceOf(actor);
  const today = new Date().toISOString().slice(0, 10);
  const byAssignee = assignee !== undefined;
  const hidesInternal = !seesInternal(role);
  const filters: Where = (a, op) =>
    [
      byAssignee && status ? op.eq(a.status, status) : "",
      overdue === "true"
        ? `${byAssignee ? "" : `${op.lt(a.dueDate, today)} AND `}${op.ne(a.status, "done")}`
        : "",
      label ? op.contains(a.labels, label) : "",
      hidesInternal ? clientVisibleOnly(a, op) : "",
    ]
      .filter(Boolean)
      .join(" AND ");
  const page = await paged(cursor, (c) => {
    const options = pageRead(c, limit, hidesInternal);
    if (byAssignee) {
      const assigneeId =
        assignee === "me" ? requireUser(actor).userId : assignee === "none" ? null : assignee;
      const query = TaskEntity().query.byAssignee({
        workspaceId,
        projectId,
        assigneeKey: keysOf({ assigneeId }).assigneeKey,
      });
      // Overdue is a key range here: due keys sort by date and undated tasks sort last.
      return (overdue === "true" ? query.lt({ dueKey: today }) : query).where(filters).go(options);
    }
    return TaskEntity()
      .query.byBoard({ workspaceId, projectId, ...(status ? { status } : {}) })
      .where(filters)
      .go(options);
  });
  return { ...page, items: page.items.map((t) => toInfo(t as Item)) };
}

/** Every task of a project the reader may see, page after page: what a whole-project view counts. */
export async function listAll(actor: Actor, projectId: string): Promise<Info[]> {
  const tasks: Info[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(actor, projectId, { cursor, limit: 200 });
    tasks.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return tasks;
}
