import * as z from "zod";
import type { Actor, UserActor } from "../actor";
import { config } from "../config";
import { unauthorized, VisibleError } from "../error";
import { requireUser, requireWrite } from "../policy";
import { User } from "../user";
import { hashPassword, verifyPassword } from "./password";
import { end, endAll } from "./sessions";
import * as Token from "./token";

export {
  ApiTokenInfo,
  CreateApiTokenInput,
  CreatedApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "./api-token";
export { ForgotPasswordInput, ResetPasswordInput, requestPasswordReset, resetPassword } from "./reset";
export { hashPassword };

export const LoginInput = z
  .object({ email: z.string().min(1).max(254), password: z.string().min(1).max(256) })
  .meta({ id: "LoginInput" });

export const LoginResult = z.object({ token: z.string(), user: User.Info }).meta({ id: "LoginResult" });

export async function login(input: z.input<typeof LoginInput>): Promise<z.infer<typeof LoginResult>> {
  const { email, password } = LoginInput.parse(input);
  const user = await User.findByEmail(email);
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok)
    throw new VisibleError("auth.invalid_credentials", "Email or password is incorrect.", 401);
  if (user.status !== "active") throw new VisibleError("auth.inactive", "This account is not active.", 401);
  return signIn(user);
}

/** Opens a session for a person who has just proved who they are (password, invite link). */
export async function signIn(user: User.Stored): Promise<z.infer<typeof LoginResult>> {
  const { token } = await Token.issue({
    workspaceId: user.workspaceId,
    userId: user.id,
    kind: "session",
    scope: "write",
    ttlHours: config().sessionTtlHours,
  });
  return { token, user: User.public_(user) };
}

/** The actor behind an `Authorization` header value, or a 401. */
export async function authenticate(header: string | undefined): Promise<UserActor> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) throw unauthorized();
  const token = await Token.verify(match[1]);
  if (!token) throw unauthorized("Your session has ended. Sign in again.");
  const user = await User.get(token.workspaceId, token.userId).catch(() => undefined);
  if (!user || user.status !== "active") throw unauthorized("Your session has ended. Sign in again.");
  return {
    type: "user",
    userId: user.id,
    workspaceId: user.workspaceId,
    role: user.role,
    tokenId: token.tokenId,
    scope: token.scope,
  };
}

/** Ends the caller's own token: its sockets close with it. */
export async function logout(actor: Actor): Promise<void> {
  if (actor.type === "user" && actor.tokenId) await end({ ...actor, tokenId: actor.tokenId });
}

/**
 * Revokes every token of the caller (sessions and API tokens) and closes their sockets. A
 * read-only API token may end itself (logout), never its person's other sessions.
 */
export async function logoutEverywhere(actor: Actor): Promise<number> {
  const user = requireUser(actor);
  requireWrite(actor);
  return endAll(user.workspaceId, user.userId);
}
