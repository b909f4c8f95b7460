// Ending a person's access at once: revoke every bearer token and close every open WebSocket
// (log out everywhere, deactivation, a password reset). Closing announces them as leaving
// their presence channels, as a closed tab would.
import { Realtime } from "../realtime";
import { revokeAll } from "./token";

export async function endAll(workspaceId: string, userId: string): Promise<number> {
  const revoked = await revokeAll(workspaceId, userId);
  await Realtime.closeUserConnections(workspaceId, userId);
  return revoked;
}
