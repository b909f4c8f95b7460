// Ending a person's access at once: revoke every bearer token and close every open WebSocket
// (log out everywhere, deactivation), or only close the sockets (a role change: connections
// remember the role they were opened with, so they must be reopened).
import { DeleteConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import { connections } from "../aws/clients";
import { Realtime } from "../realtime";
import { ConnectionEntity } from "../realtime/entity";
import { revokeAll } from "./token";

export async function endAll(workspaceId: string, userId: string): Promise<number> {
  const revoked = await revokeAll(workspaceId, userId);
  await closeConnections(workspaceId, userId);
  return revoked;
}

export async function closeConnections(workspaceId: string, userId: string): Promise<void> {
  const { data } = await ConnectionEntity()
    .query.byUser({ workspaceId, userId })
    .go({ pages: "all", attributes: ["connectionId"] });
  await Promise.all(
    data.map(async ({ connectionId }) => {
      await Realtime.forget(connectionId);
      // Already gone (410) is as good as closed.
      await connections()
        .send(new DeleteConnectionCommand({ ConnectionId: connectionId }))
        .catch(() => undefined);
    }),
  );
}
