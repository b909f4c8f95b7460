import * as z from "zod";
import type { Actor, UserActor } from "../actor";
import { Audit } from "../audit";
import { Auth } from "../auth";
import * as Link from "../auth/link";
import { hashPassword, Password } from "../auth/password";
import { config } from "../config";
import { conditionFailed, type Page, PageInput, paged } from "../db";
import { conflict, notFound, VisibleError } from "../error";
import { Mail } from "../mail";
import { requireAdmin, requireProject, requireWrite } from "../policy";
import { Project } from "../project";
import { User } from "../user";
import { UserEntity } from "../user/entity";
import { Workspace } from "../workspace";

export const Info = z
  .object({
    id: z.string(),
    userId: z.string(),
    email: z.string(),
    role: User.Role,
    invitedBy: z.string(),
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: "Invite" });
export type Info = z.infer<typeof Info>;

export const CreateInput = z
  .object({
    email: User.Email,
    role: User.Role,
    name: z.string().trim().min(1).max(120).optional(),
    /** Projects to put them on at once, in their invited role. */
    projectIds: z.array(z.string().min(1).max(64)).max(50).optional(),
  })
  .strict()
  .meta({ id: "CreateInviteInput" });

export const AcceptInput = z
  .object({ token: z.string().min(1).max(256), name: z.string().trim().min(1).max(120), password: Password })
  .strict()
  .meta({ id: "AcceptInviteInput" });

export const PreviewInput = z
  .object({ token: z.string().min(1).max(256) })
  .strict()
  .meta({ id: "InvitePreviewInput" });

/** What the invitation page shows before the form: who invites whom to what. */
export const Preview = z
  .object({
    workspaceName: z.string(),
    inviterName: z.string(),
    email: z.string(),
    name: z.string(),
    role: User.Role,
  })
  .meta({ id: "InvitePreview" });
export type Preview = z.infer<typeof Preview>;

const toInfo = (link: Link.Link): Info => ({
  id: link.linkId,
  userId: link.userId,
  email: link.email,
  role: link.role ?? "client",
  invitedBy: link.createdBy,
  status: link.usedAt
    ? "accepted"
    : link.revokedAt
      ? "revoked"
      : link.expiresAt <= new Date().toISOString()
        ? "expired"
        : "pending",
  createdAt: link.createdAt,
  expiresAt: link.expiresAt,
});

/**
 * Invites a person: they exist from now on as an `invited` user (which reserves the email) and
 * get an email with the link. Inviting an invited person again replaces their earlier link; so
 * does inviting a deactivated person who never accepted, who is invited again.
 */
export async function create(actor: Actor, input: z.input<typeof CreateInput>): Promise<Info> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const data = CreateInput.parse(input);
  const projectIds = [...new Set(data.projectIds ?? [])];
  await requireProjects(actor, projectIds);
  const user = await invitee(admin, data);
  const [workspace, inviter] = await Promise.all([
    Workspace.get(admin.workspaceId),
    User.get(admin.workspaceId, admin.userId),
  ]);
  for (const projectId of projectIds) await Project.assign(actor, projectId, user.id, { role: data.role });
  const { token, link } = await Link.issue({
    purpose: "invite",
    workspaceId: admin.workspaceId,
    userId: user.id,
    email: user.email,
    role: data.role,
    createdBy: admin.userId,
    ttlMs: config().links.inviteTtlHours * 3_600_000,
  });
  await Mail.send(
    Mail.inviteEmail({
      to: user.email,
      workspaceName: workspace.name,
      inviterName: inviter.name,
      token,
      expiresAt: link.expiresAt,
    }),
  );
  await Audit.record(actor, {
    action: "invite.created",
    targetType: "user",
    targetId: user.id,
    summary: `Invited ${user.email} as ${data.role}`,
  });
  return toInfo(link);
}

/**
 * Every project to put the invitee on must be one of the workspace's, checked before anything
 * is written: a half-done invite would leave a person and assignments but send no link.
 */
async function requireProjects(actor: Actor, projectIds: string[]): Promise<void> {
  const found = await Promise.all(
    projectIds.map((projectId) =>
      requireProject(actor, projectId).then(
        () => true,
        (error) => {
          if (error instanceof VisibleError && error.code === "not_found") return false;
          throw error;
        },
      ),
    ),
  );
  const unknown = projectIds.filter((_, i) => !found[i]);
  if (unknown.length > 0)
    throw new VisibleError(
      "invite.project_invalid",
      "Some projects to add them to were not found in this workspace; nobody was invited.",
      422,
      { projectIds: unknown },
    );
}

const emailTaken = () => conflict("user.email_taken", "A user with this email already exists.");

async function invitee(admin: UserActor, data: z.infer<typeof CreateInput>) {
  const existing = await User.findByEmail(data.email);
  if (!existing) {
    const name = data.name ?? data.email.split("@")[0] ?? data.email;
    return User.create({
      workspaceId: admin.workspaceId,
      email: data.email,
      name,
      role: data.role,
      status: "invited",
    });
  }
  if (existing.workspaceId !== admin.workspaceId || !invitable(existing)) throw emailTaken();
  // Conditional on what was read: had they accepted meanwhile, they are no invitee any more.
  await UserEntity()
    .patch({ workspaceId: admin.workspaceId, userId: existing.id })
    .set({ role: data.role, status: "invited", updatedAt: new Date().toISOString() })
    .where((a, op) => `${op.eq(a.status, existing.status)} AND ${op.notExists(a.passwordHash)}`)
    .go()
    .catch((error) => {
      throw conditionFailed(error) ? emailTaken() : error;
    });
  return existing;
}

/**
 * Whether a person of the workspace may be invited (again): never accepted, so no password. A
 * deactivated one who never accepted is invited afresh: reactivating cannot make them active.
 */
const invitable = (user: User.Stored) =>
  user.status === "invited" || (user.status === "deactivated" && !user.passwordHash);

/** The workspace's invitations, newest first; one Query per page. */
export async function list(actor: Actor, input: z.input<typeof PageInput> = {}): Promise<Page<Info>> {
  const admin = requireAdmin(actor);
  const { cursor, limit } = PageInput.parse(input);
  const page = await paged(cursor, (c) =>
    Link.listByWorkspace(admin.workspaceId, "invite", { cursor: c, limit }),
  );
  return { ...page, items: page.items.map(toInfo) };
}

/** Withdraws a pending invitation: its link stops working. */
export async function revoke(actor: Actor, inviteId: string): Promise<void> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const link = await Link.get(inviteId);
  if (!link || link.purpose !== "invite" || link.workspaceId !== admin.workspaceId) throw notFound("invite");
  if (link.usedAt) throw conflict("invite.accepted", "This invitation has already been accepted.");
  await Link.revokePending(admin.workspaceId, link.userId, "invite");
  await Audit.record(actor, {
    action: "invite.revoked",
    targetType: "user",
    targetId: link.userId,
    summary: `Withdrew the invitation of ${link.email}`,
  });
}

/**
 * The invitation behind a link, so its page can name the workspace and the inviter and fill
 * in the name; a used, withdrawn or expired link is refused here, before any typing.
 */
export async function preview(input: z.input<typeof PreviewInput>): Promise<Preview> {
  const link = await Link.open(PreviewInput.parse(input).token, "invite");
  const [workspace, inviter, user] = await Promise.all([
    Workspace.get(link.workspaceId),
    User.get(link.workspaceId, link.createdBy),
    User.get(link.workspaceId, link.userId),
  ]);
  return {
    workspaceName: workspace.name,
    inviterName: inviter.name,
    email: user.email,
    name: user.name,
    role: link.role ?? "client",
  };
}

/** Accepts an invitation: sets name and password, activates the person and signs them in. */
export async function accept(input: z.input<typeof AcceptInput>) {
  const { token, name, password } = AcceptInput.parse(input);
  const link = await Link.open(token, "invite");
  await Link.redeem(link, "invited", { name, passwordHash: await hashPassword(password) });
  const user = await User.get(link.workspaceId, link.userId);
  const actor: Actor = { type: "user", userId: user.id, workspaceId: user.workspaceId, role: user.role };
  await Audit.record(actor, {
    action: "invite.accepted",
    targetType: "user",
    targetId: user.id,
    summary: `${user.email} joined as ${user.role}`,
  });
  return Auth.signIn(user);
}
