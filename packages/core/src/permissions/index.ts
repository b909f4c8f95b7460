// The permission table: the one answer to "may this person, in this role on the project, do
// this to this item?". Pure data and pure functions, so the API's policy, the realtime publisher,
// the agent's context builder, digests, emails, the web app and the tests all read the same rows.
// It never reads a table: callers pass the effective role and the item's facts.
import type { Role } from "../actor";

export type Kind = "task" | "message" | "file" | "change_order" | "site_log";

/** How the acting person relates to an item: they made it, it is assigned to them, or neither. */
export type Relation = "own" | "assigned" | "other";

/**
 * Who an action reaches: `any` item, items the person made (`own`), items assigned to them
 * (`assigned`), or nothing. A role without a row for an action may not do it at all.
 */
export type Reach = readonly ("own" | "assigned" | "any")[];

export const Actions = {
  task: ["view", "create", "edit", "assign", "status", "reorder", "delete", "visibility"],
  message: ["view", "post", "edit", "delete", "visibility"],
  file: ["view", "upload", "delete", "visibility"],
  change_order: ["view", "create", "edit", "send", "withdraw", "decide"],
  site_log: ["view", "write", "visibility"],
} as const;
export type Action<K extends Kind = Kind> = (typeof Actions)[K][number];

const ANY: Reach = ["any"];
const OWN: Reach = ["own"];
const MINE: Reach = ["own", "assigned"];
const ASSIGNED: Reach = ["assigned"];
const STAFF_CHANGE_ORDERS = { view: ANY, create: ANY, edit: ANY, send: ANY, withdraw: ANY } as const;
const STAFF_SITE_LOG = { view: ANY, write: ANY, visibility: ANY } as const;

/**
 * role × kind × action → reach. `create`, `post` and `upload` have no item yet: any reach allows
 * them. `status` is a move to another column; `reorder` a move within one; `assign` sets or
 * clears the assignee; `visibility` marks an item internal or client-visible (also when creating
 * it). Editing and deleting messages are further bounded by the edit window for all but admins.
 * A change order is internal while it is a draft; `send` shows it to the project's clients and
 * `decide` is approving or declining it. Consultants may draft one (they price work) but not send
 * or withdraw it: like `visibility`, showing a client something is staff's, and a sent change
 * order commits the company to a price. Nobody decides for the client.
 * The daily site log is one per project per day; `write` creates or edits a day's log. It is the
 * company's own record of its site (crew, delays and their causes, which claims and schedule
 * disputes rest on), so admins and team write it; consultants visit rather than run the site
 * and read it, as clients read its shared days.
 */
export const TABLE: Record<Role, { [K in Kind]: Partial<Record<Action<K>, Reach>> }> = {
  admin: {
    task: {
      view: ANY,
      create: ANY,
      edit: ANY,
      assign: ANY,
      status: ANY,
      reorder: ANY,
      delete: ANY,
      visibility: ANY,
    },
    message: { view: ANY, post: ANY, edit: OWN, delete: ANY, visibility: ANY },
    file: { view: ANY, upload: ANY, delete: ANY, visibility: ANY },
    change_order: STAFF_CHANGE_ORDERS,
    site_log: STAFF_SITE_LOG,
  },
  team: {
    task: {
      view: ANY,
      create: ANY,
      edit: ANY,
      assign: ANY,
      status: ANY,
      reorder: ANY,
      delete: ANY,
      visibility: ANY,
    },
    message: { view: ANY, post: ANY, edit: OWN, delete: OWN, visibility: ANY },
    file: { view: ANY, upload: ANY, delete: ANY, visibility: ANY },
    change_order: STAFF_CHANGE_ORDERS,
    site_log: STAFF_SITE_LOG,
  },
  consultant: {
    task: { view: ANY, create: ANY, edit: MINE, assign: MINE, status: MINE, reorder: MINE, delete: OWN },
    message: { view: ANY, post: ANY, edit: OWN, delete: OWN },
    file: { view: ANY, upload: ANY, delete: OWN },
    change_order: { view: ANY, create: ANY, edit: OWN },
    site_log: { view: ANY },
  },
  client: {
    task: { view: ANY, status: ASSIGNED },
    message: { view: ANY, post: ANY, edit: OWN, delete: OWN },
    file: { view: ANY, upload: ANY, delete: OWN },
    change_order: { view: ANY, decide: ANY },
    site_log: { view: ANY },
  },
};

/** Internal items exist only for these roles: a client never sees one by any path. */
export const seesInternal = (role: Role): boolean => role !== "client";

/** Fields that stay internal on an item clients may see: only roles that see internal items read them. */
export const INTERNAL_FIELDS = { change_order: ["internalNote"] } as const satisfies Partial<
  Record<Kind, readonly string[]>
>;

/** The item as `role` may read it: a client gets it without its internal fields. */
export function readable<T extends object>(role: Role, kind: keyof typeof INTERNAL_FIELDS, item: T): T {
  if (seesInternal(role)) return item;
  const copy = { ...item } as Record<string, unknown>;
  for (const field of INTERNAL_FIELDS[kind]) delete copy[field];
  return copy as T;
}

/**
 * Whether a new item is client-visible: clients' items always are; otherwise what the person
 * chose when they may choose, else the project's default for new items.
 */
export function visibleOnCreate(role: Role, kind: Kind, projectDefault: boolean, chosen?: boolean): boolean {
  if (!seesInternal(role)) return true;
  return chosen !== undefined && reachOf(role, kind, "visibility").length > 0 ? chosen : projectDefault;
}

/** The facts of an item the table decides on. Missing `clientVisible` means visible (older items). */
export interface Subject {
  createdBy?: string | null;
  assigneeId?: string | null;
  clientVisible?: boolean;
}

export function relationsOf(userId: string, item: Subject): Relation[] {
  const relations: Relation[] = [];
  if (item.createdBy === userId) relations.push("own");
  if (item.assigneeId === userId) relations.push("assigned");
  return relations.length > 0 ? relations : ["other"];
}

export function reachOf<K extends Kind>(role: Role, kind: K, action: Action<K>): Reach {
  return (TABLE[role][kind] as Partial<Record<Action<K>, Reach>>)[action] ?? [];
}

/** Whether someone in `role` may see this item at all (the 404 line). */
export function maySee(role: Role, item: Subject): boolean {
  return item.clientVisible !== false || seesInternal(role);
}

/**
 * Whether a message (or a day's site log) may show this file: never an internal file in a
 * client-visible item, since everyone who reads the item would see the file.
 */
export const mayAttach = (message: Subject, file: Subject): boolean =>
  message.clientVisible === false || file.clientVisible !== false;

/**
 * Whether `userId`, in `role` on the item's project, may do `action` to `item` (or, with no item,
 * to a new one). An item they may not see is never theirs to change.
 */
export function may<K extends Kind>(
  role: Role,
  userId: string,
  kind: K,
  action: Action<K>,
  item?: Subject,
): boolean {
  const reach = reachOf(role, kind, action);
  if (reach.length === 0) return false;
  if (!item) return true;
  if (!maySee(role, item)) return false;
  if (reach.includes("any")) return true;
  return relationsOf(userId, item).some((r) => r !== "other" && reach.includes(r));
}

/** Roles in order of reach: an assignment never lifts anyone above their workspace role. */
const RANK: Record<Role, number> = { client: 0, consultant: 1, team: 2, admin: 3 };

/** The role someone acts in on a project: the assignment's, capped by their workspace role. */
export function effectiveRole(workspaceRole: Role, assignmentRole: Role | undefined): Role {
  if (workspaceRole === "admin" || !assignmentRole) return workspaceRole;
  return RANK[assignmentRole] <= RANK[workspaceRole] ? assignmentRole : workspaceRole;
}

/** Whether an assignment in `assignmentRole` is within what the person's workspace role allows. */
export const assignable = (workspaceRole: Role, assignmentRole: Role): boolean =>
  RANK[assignmentRole] <= RANK[workspaceRole] && (assignmentRole !== "admin" || workspaceRole === "admin");

/** Contact details (emails, phone numbers) in agent answers and digests: admins and team only. */
export const maySeeContacts = (role: Role): boolean => role === "admin" || role === "team";
