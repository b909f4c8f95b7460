// Access patterns: get a token by id (every authenticated request); list a user's tokens
// (log out everywhere, deactivation); list a user's tokens of one kind (the API-token page);
// get a one-time link by id; list a workspace's invites; list a user's links of one purpose.
import { Entity } from "electrodb";
import { Roles } from "../actor";
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
          byKind: {
            index: "gsi2",
            pk: { field: "gsi2pk", composite: ["workspaceId", "userId", "kind"] },
            sk: { field: "gsi2sk", composite: ["tokenId"] },
          },
        },
      },
      dataTable(),
    ),
);

/** Single-use, expiring links sent by email: invitations and password resets. */
export const LinkEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "link", version: "1", service },
        attributes: {
          linkId: { type: "string", required: true },
          purpose: { type: ["invite", "reset"] as const, required: true },
          workspaceId: { type: "string", required: true },
          userId: { type: "string", required: true },
          email: { type: "string", required: true },
          /** The role an invite grants (invites only). */
          role: { type: Roles },
          /** SHA-256 of the secret half; the secret is only ever in the email. */
          secretHash: { type: "string", required: true },
          createdBy: { type: "string", required: true },
          createdAt: { type: "string", required: true },
          expiresAt: { type: "string", required: true },
          usedAt: { type: "string" },
          revokedAt: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["linkId"] },
            sk: { field: "sk", composite: [] },
          },
          byWorkspace: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["workspaceId", "purpose"] },
            sk: { field: "gsi1sk", composite: ["linkId"] },
          },
          byUser: {
            index: "gsi2",
            pk: { field: "gsi2pk", composite: ["workspaceId", "userId"] },
            sk: { field: "gsi2sk", composite: ["purpose", "linkId"] },
          },
        },
      },
      dataTable(),
    ),
);
