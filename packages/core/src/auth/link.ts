// Single-use, expiring links sent by email (invitations, password resets) as `<id>.<secret>`.
// Only the secret's SHA-256 is stored; redeeming is one transaction conditional on the link
// being unused, unrevoked and unexpired, so two clicks can never both succeed.
import { type EntityItem, Service } from "electrodb";
import type { Role } from "../actor";
import { conflict, VisibleError } from "../error";
import type { User } from "../user";
import { UserEntity } from "../user/entity";
import { createId, nowIso, randomSecret, safeEqual, sha256 } from "../util";
import { LinkEntity } from "./entity";
import { split } from "./token";

export type Purpose = "invite" | "reset";
export type Link = EntityItem<ReturnType<typeof LinkEntity>>;

export async function issue(input: {
  purpose: Purpose;
  workspaceId: string;
  userId: string;
  email: string;
  role?: Role;
  createdBy: string;
  ttlMs: number;
}): Promise<{ token: string; link: Link }> {
  // A new link replaces the person's earlier ones: only the latest email works.
  await revokePending(input.workspaceId, input.userId, input.purpose);
  const secret = randomSecret();
  const link: Link = {
    ...input,
    linkId: createId(),
    secretHash: sha256(secret),
    createdAt: nowIso(),
    expiresAt: new Date(Date.now() + input.ttlMs).toISOString(),
  };
  await LinkEntity().create(link).go();
  return { token: `${link.linkId}.${secret}`, link };
}

const invalid = () => new VisibleError("link.invalid", "This link is not valid.", 400);

/** The link behind a token if it can still be used; otherwise an error saying why not. */
export async function open(token: string, purpose: Purpose): Promise<Link> {
  const parts = split(token);
  if (!parts) throw invalid();
  const { data } = await LinkEntity().get({ linkId: parts.id }).go();
  if (!data || data.purpose !== purpose || !safeEqual(data.secretHash, sha256(parts.secret))) throw invalid();
  if (data.usedAt || data.revokedAt) throw conflict("link.used", "This link has already been used.");
  if (data.expiresAt <= nowIso())
    throw new VisibleError("link.expired", "This link has expired. Ask for a new one.", 400);
  return data;
}

/**
 * Marks the link used and applies its change to the person in one transaction. `expect` is the
 * status the person must still have (an invite needs `invited`, a reset `active`).
 */
export async function redeem(
  link: Link,
  expect: "invited" | "active",
  change: { passwordHash: string; name?: string },
): Promise<void> {
  const now = nowIso();
  const db = new Service({ link: LinkEntity(), user: UserEntity() });
  const result = await db.transaction
    .write(({ link: links, user: users }) => [
      links
        .patch({ linkId: link.linkId })
        .set({ usedAt: now })
        .where(
          (a, op) =>
            `${op.notExists(a.usedAt)} AND ${op.notExists(a.revokedAt)} AND ${op.gt(a.expiresAt, now)}`,
        )
        .commit(),
      users
        .patch({ workspaceId: link.workspaceId, userId: link.userId })
        .set({ ...change, status: "active", updatedAt: now })
        // Widened to the attribute's type, from which ElectroDB infers the comparison's.
        .where((a, op) => op.eq(a.status, expect as User.Info["status"]))
        .commit(),
    ])
    .go();
  if (result.canceled) throw conflict("link.used", "This link has already been used.");
}

/** Revokes a person's unused links of one purpose (a newer link, or the invite was withdrawn). */
export async function revokePending(workspaceId: string, userId: string, purpose: Purpose): Promise<number> {
  const { data } = await LinkEntity()
    .query.byUser({ workspaceId, userId, purpose })
    .where((a, op) => `${op.notExists(a.usedAt)} AND ${op.notExists(a.revokedAt)}`)
    .go({ pages: "all" });
  const revokedAt = nowIso();
  await Promise.all(data.map((l) => LinkEntity().patch({ linkId: l.linkId }).set({ revokedAt }).go()));
  return data.length;
}

/** A workspace's links of one purpose, newest first; one Query per page. */
export const listByWorkspace = (
  workspaceId: string,
  purpose: Purpose,
  options: { cursor?: string; limit: number },
) =>
  LinkEntity()
    .query.byWorkspace({ workspaceId, purpose })
    .go({ ...options, order: "desc" });

export const get = async (linkId: string): Promise<Link | null> =>
  (await LinkEntity().get({ linkId }).go()).data;
