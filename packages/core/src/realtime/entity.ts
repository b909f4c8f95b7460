// Ephemeral realtime items, all with a TTL (`expiresAt`, epoch seconds) in the Realtime table.
// Access patterns: get a ticket/connection by id; list a channel's subscribers (publish);
// list a connection's subscriptions (disconnect); list a user's connections (deactivation, and
// a revoked token's: a person has few, filtered by `tokenId`).
import { Entity } from "electrodb";
import { Roles } from "../actor";
import { realtimeTable, service } from "../db";
import { once } from "../util";

const expiresAt = { type: "number", required: true } as const;

export const TicketEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "ticket", version: "1", service },
        attributes: {
          ticketHash: { type: "string", required: true },
          workspaceId: { type: "string", required: true },
          userId: { type: "string", required: true },
          /** The bearer token the ticket was minted with: the socket lives only as long as it does. */
          tokenId: { type: "string", required: true },
          expiresAt,
        },
        indexes: {
          primary: { pk: { field: "pk", composite: ["ticketHash"] }, sk: { field: "sk", composite: [] } },
        },
      },
      realtimeTable(),
    ),
);

export const ConnectionEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "connection", version: "1", service },
        attributes: {
          connectionId: { type: "string", required: true },
          workspaceId: { type: "string", required: true },
          userId: { type: "string", required: true },
          role: { type: Roles, required: true },
          name: { type: "string", required: true },
          /** The token that opened the socket: revoking it closes the socket. */
          tokenId: { type: "string", required: true },
          /** The token's scope: a read-only token may listen, not whisper or join presence. */
          scope: { type: ["read", "write"] as const, required: true },
          connectedAt: { type: "string", required: true },
          /** API Gateway's limit or the token's expiry, whichever comes first. */
          expiresAt,
        },
        indexes: {
          primary: { pk: { field: "pk", composite: ["connectionId"] }, sk: { field: "sk", composite: [] } },
          byUser: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["workspaceId", "userId"] },
            sk: { field: "gsi1sk", composite: ["connectionId"] },
          },
        },
      },
      realtimeTable(),
    ),
);

export const SubscriptionEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "subscription", version: "1", service },
        attributes: {
          channel: { type: "string", required: true },
          connectionId: { type: "string", required: true },
          userId: { type: "string", required: true },
          name: { type: "string", required: true },
          /** The subscriber's effective role on the channel's project: what the publisher may send them. */
          role: { type: Roles },
          subscribedAt: { type: "string", required: true },
          expiresAt,
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["channel"] },
            sk: { field: "sk", composite: ["connectionId"] },
          },
          byConnection: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["connectionId"] },
            sk: { field: "gsi1sk", composite: ["channel"] },
          },
        },
      },
      realtimeTable(),
    ),
);
