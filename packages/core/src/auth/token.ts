// Opaque bearer tokens `<id>.<secret>`: the id finds the item, the secret is checked against
// its SHA-256. Sessions and personal API tokens share the mechanism and differ in kind and scope.
import * as z from "zod";
import { createId, nowIso, randomSecret, safeEqual, sha256 } from "../util";
import { TokenEntity } from "./entity";

export const TokenKind = z.enum(["session", "api"]);
export const TokenScope = z.enum(["read", "write"]);

export interface Issued {
  token: string;
  tokenId: string;
  createdAt: string;
  expiresAt: string;
}

export async function issue(input: {
  workspaceId: string;
  userId: string;
  kind: z.infer<typeof TokenKind>;
  scope: z.infer<typeof TokenScope>;
  ttlHours: number;
  name?: string;
}): Promise<Issued> {
  const tokenId = createId();
  const secret = randomSecret();
  const createdAt = nowIso();
  const expiresAt = new Date(Date.now() + input.ttlHours * 3_600_000).toISOString();
  await TokenEntity()
    .create({ ...input, tokenId, secretHash: sha256(secret), createdAt, expiresAt })
    .go();
  return { token: `${tokenId}.${secret}`, tokenId, createdAt, expiresAt };
}

export type Verified = {
  tokenId: string;
  workspaceId: string;
  userId: string;
  scope: "read" | "write";
  kind: "session" | "api";
  expiresAt: string;
};

/** `<id>.<secret>` (bearer tokens and emailed links alike), or undefined when malformed. */
export function split(value: string): { id: string; secret: string } | undefined {
  const [id, secret, ...rest] = value.split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 128) return undefined;
  return { id, secret };
}

/** The token's owner if the token is well-formed, known, unexpired and not revoked. */
export async function verify(bearer: string): Promise<Verified | undefined> {
  const parts = split(bearer);
  const token = parts && (await valid(parts.id));
  if (!parts || !token || !safeEqual(token.secretHash, sha256(parts.secret))) return undefined;
  return verified(token);
}

/**
 * A token by id while it still works (unexpired, not revoked): what a WebSocket opened with it
 * rests on, checked when its ticket is redeemed. No secret: the ticket proved it when minted.
 */
export async function stillValid(tokenId: string): Promise<Verified | undefined> {
  const token = await valid(tokenId);
  return token && verified(token);
}

/** The stored token while it works: the one validity rule, for bearers and sockets alike. */
async function valid(tokenId: string) {
  const { data } = await TokenEntity().get({ tokenId }).go();
  return data && !data.revokedAt && data.expiresAt > nowIso() ? data : undefined;
}

/** What callers may know of a token: never its secret's hash. */
const verified = (token: Verified): Verified => ({
  tokenId: token.tokenId,
  workspaceId: token.workspaceId,
  userId: token.userId,
  scope: token.scope,
  kind: token.kind,
  expiresAt: token.expiresAt,
});

/** Marks one token revoked; sessions.end also closes the sockets it opened. */
export async function revoke(tokenId: string): Promise<void> {
  await TokenEntity().patch({ tokenId }).set({ revokedAt: nowIso() }).go();
}

/** Revokes every live token of a user: "log out everywhere" and deactivation. */
export async function revokeAll(workspaceId: string, userId: string): Promise<number> {
  const { data } = await TokenEntity().query.byUser({ workspaceId, userId }).go({ pages: "all" });
  const live = data.filter((t) => !t.revokedAt);
  const revokedAt = nowIso();
  await Promise.all(live.map((t) => TokenEntity().patch({ tokenId: t.tokenId }).set({ revokedAt }).go()));
  return live.length;
}
