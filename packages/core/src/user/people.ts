// A person's record: the User schema, creating one (an email at most once) and reading them back.
// Below admin.ts and me.ts, which change records, so lower modules can read people without them.
import { Service } from "electrodb";
import * as z from "zod";
import type { Actor } from "../actor";
import { Roles } from "../actor";
import { type Page, PageInput, paged } from "../db";
import { conflict, notFound } from "../error";
import { requireAdmin } from "../policy";
import { createId, nowIso } from "../util";
import { EmailGuardEntity, UserEntity } from "./entity";

export const Role = z.enum(Roles);
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const Info = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    status: z.enum(["active", "invited", "deactivated"]),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type Info = z.infer<typeof Info>;

/** The signed-in person's own view: their user plus their own preferences. */
export const Me = Info.extend({ digestEmails: z.boolean() }).meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

/** A user with the password hash and preferences: never leaves core as is. */
export type Stored = Me & { passwordHash?: string };

export const toInfo = (item: {
  userId: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Info["role"];
  status: Info["status"];
  createdAt: string;
  passwordHash?: string;
  digestEmails?: boolean;
}): Stored => ({
  id: item.userId,
  workspaceId: item.workspaceId,
  email: item.email,
  name: item.name,
  role: item.role,
  status: item.status,
  createdAt: item.createdAt,
  digestEmails: item.digestEmails ?? false,
  passwordHash: item.passwordHash,
});

export const public_ = ({ passwordHash: _, digestEmails: __, ...info }: Stored): Info => info;
export const toMe = ({ passwordHash: _, ...me }: Stored): Me => me;

export const CreateInput = z.object({
  workspaceId: z.string(),
  email: Email,
  name: z.string().trim().min(1).max(120),
  role: Role,
  passwordHash: z.string().optional(),
  status: z.enum(["active", "invited"]).default("active"),
});

/** Creates a user and its email guard in one transaction: an email is taken at most once. */
export async function create(input: z.input<typeof CreateInput>): Promise<Info> {
  const data = CreateInput.parse(input);
  const now = nowIso();
  const item = { ...data, userId: createId(), createdAt: now, updatedAt: now };
  const db = new Service({ user: UserEntity(), email: EmailGuardEntity() });
  const result = await db.transaction
    .write(({ user, email }) => [
      email.create({ email: data.email, workspaceId: data.workspaceId, userId: item.userId }).commit(),
      user.create(item).commit(),
    ])
    .go();
  if (result.canceled) throw conflict("user.email_taken", "A user with this email already exists.");
  return public_(toInfo(item));
}

export async function get(workspaceId: string, userId: string): Promise<Stored> {
  const { data } = await UserEntity().get({ workspaceId, userId }).go();
  if (!data) throw notFound("user");
  return toInfo(data);
}

export async function findByEmail(email: string): Promise<Stored | undefined> {
  const parsed = Email.safeParse(email);
  if (!parsed.success) return undefined;
  const { data: guard } = await EmailGuardEntity().get({ email: parsed.data }).go();
  if (!guard) return undefined;
  const { data } = await UserEntity().get({ workspaceId: guard.workspaceId, userId: guard.userId }).go();
  return data ? toInfo(data) : undefined;
}

export const ListInput = PageInput;

/** The workspace's people (admins); one Query per page. */
export async function list(actor: Actor, input: z.input<typeof ListInput> = {}): Promise<Page<Info>> {
  const admin = requireAdmin(actor);
  const { cursor, limit } = ListInput.parse(input);
  const page = await paged(cursor, (c) =>
    UserEntity().query.primary({ workspaceId: admin.workspaceId }).go({ cursor: c, limit }),
  );
  return { ...page, items: page.items.map((u) => public_(toInfo(u))) };
}

/** Everyone of a workspace with their names (mentions, assignee checks); a handful of pages. */
export async function directory(workspaceId: string): Promise<Info[]> {
  const { data } = await UserEntity().query.primary({ workspaceId }).go({ pages: "all" });
  return data.map((u) => public_(toInfo(u)));
}
