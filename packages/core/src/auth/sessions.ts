// Ending access at once: revoke bearer tokens and close the WebSockets they opened (sign-out, a
// revoked API token, log out everywhere, deactivation, a password reset). Closing announces the
// person as leaving their presence channels, as a closed tab would. A ticket minted with a
// revoked token no longer opens a socket either: $connect checks the token it records.
import { Realtime } from "../realtime";
import { revoke, revokeAll } from "./token";

/** One token of a person: what it authenticated and, on a socket, what it opened. */
export interface OwnedToken {
  tokenId: string;
  workspaceId: string;
  userId: string;
}

/** Revokes one token (sign-out, a deleted API token) and closes the sockets opened with it. */
export async function end(token: OwnedToken): Promise<void> {
  await revoke(token.tokenId);
  await Realtime.closeTokenConnections(token);
}

/** Revokes every token of a person and closes all their sockets. */
export async function endAll(workspaceId: string, userId: string): Promise<number> {
  const revoked = await revokeAll(workspaceId, userId);
  await Realtime.closeUserConnections(workspaceId, userId);
  return revoked;
}
