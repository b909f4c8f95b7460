// Personal API tokens for integrations: named, read or write scope, expiring, revocable, and
// shown once (only the hash is kept). Minted from a signed-in session, never from another token.
import * as z from "zod";
import type { Actor } from "../actor";
import { config } from "../config";
import { type Page, PageInput, paged } from "../db";
import { forbidden, notFound } from "../error";
import { requireUser, requireWrite } from "../policy";
import { TokenEntity } from "./entity";
import { end } from "./sessions";
import { issue, TokenScope } from "./token";

export const ApiTokenInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: TokenScope,
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

export const CreateApiTokenInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    scope: TokenScope,
    /** Lifetime in days; at most API_TOKEN_MAX_DAYS. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .meta({ id: "CreateApiTokenInput" });

export const CreatedApiToken = z
  .object({ token: z.string(), info: ApiTokenInfo })
  .meta({ id: "CreatedApiToken" });

const toInfo = (t: {
  tokenId: string;
  name?: string;
  scope: "read" | "write";
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}): z.infer<typeof ApiTokenInfo> => ({
  id: t.tokenId,
  name: t.name ?? "",
  scope: t.scope,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt ?? null,
});

export async function createApiToken(
  actor: Actor,
  input: z.input<typeof CreateApiTokenInput>,
): Promise<z.infer<typeof CreatedApiToken>> {
  const user = requireUser(actor);
  requireWrite(actor);
  const data = CreateApiTokenInput.parse(input);
  const { data: current } = user.tokenId
    ? await TokenEntity().get({ tokenId: user.tokenId }).go()
    : { data: null };
  if (current?.kind !== "session")
    throw forbidden("API tokens can only be created from a signed-in session.");
  const maxDays = config().apiTokenMaxDays;
  const days = Math.min(data.expiresInDays ?? maxDays, maxDays);
  const issued = await issue({
    workspaceId: user.workspaceId,
    userId: user.userId,
    kind: "api",
    scope: data.scope,
    name: data.name,
    ttlHours: days * 24,
  });
  return { token: issued.token, info: toInfo({ ...data, ...issued }) };
}

/** The caller's own API tokens (never sessions), newest first; one Query per page. */
export async function listApiTokens(
  actor: Actor,
  input: z.input<typeof PageInput> = {},
): Promise<Page<z.infer<typeof ApiTokenInfo>>> {
  const user = requireUser(actor);
  const { cursor, limit } = PageInput.parse(input);
  const page = await paged(cursor, (c) =>
    TokenEntity()
      .query.byKind({ workspaceId: user.workspaceId, userId: user.userId, kind: "api" })
      .go({ cursor: c, limit, order: "desc" }),
  );
  return { ...page, items: page.items.map(toInfo) };
}

/** Revokes one of the caller's own API tokens, closing its sockets; anyone else's is not found. */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  const user = requireUser(actor);
  requireWrite(actor);
  const { data } = await TokenEntity().get({ tokenId }).go();
  if (!data || data.kind !== "api" || data.userId !== user.userId || data.workspaceId !== user.workspaceId)
    throw notFound("token");
  await end(data);
}
