// Access patterns: get a token by id (every authenticated request); list a user's tokens
// (log out everywhere, deactivation, the API-token page).
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const TokenEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "token", version: "1", service },
        attributes: {
          tokenId: { type: "string", required: true },
          workspaceId: { type: "string", required: true },
          userId: { type: "string", required: true },
          /** SHA-256 of the secret half; the secret itself is never stored. */
          secretHash: { type: "string", required: true },
          kind: { type: ["session", "api"] as const, required: true },
          name: { type: "string" },
          scope: { type: ["read", "write"] as const, required: true },
          createdAt: { type: "string", required: true },
          expiresAt: { type: "string", required: true },
          revokedAt: { type: "string" },
          lastUsedAt: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["tokenId"] },
            sk: { field: "sk", composite: [] },
          },
          byUser: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["workspaceId", "userId"] },
            sk: { field: "gsi1sk", composite: ["createdAt"] },
          },
        },
      },
      dataTable(),
    ),
);
