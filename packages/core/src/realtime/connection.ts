// The lifecycle of one WebSocket connection: ticket -> $connect -> frames -> $disconnect, and
// closing a person's sockets when their access ends. A socket rests on the bearer token whose
// ticket opened it: it closes when that token is revoked, stops at the token's expiry, and with a
// read-only token it may listen but not be seen (no presence, no whispers). Every subscription is
// authorized through the policy module (authorize.ts); a refused one is never stored, so it never
// gets an event. `resume` answers with an answer's stored checkpoint, under the thread's access rule.
import * as z from "zod";
import type { Actor, UserActor } from "../actor";
import { Events as AgentEvents } from "../agent/events";
import { checkpointOf } from "../agent/resume";
import * as Token from "../auth/token";
import { connections } from "../aws/clients";
import { config } from "../config";
import { refusalOf, unauthorized } from "../error";
import { logger } from "../log";
import { requireUser, requireWrite } from "../policy";
import { epochSeconds, isAlive } from "../tables";
import * as User from "../user/people";
import { createId, nowIso, randomSecret, sha256 } from "../util";
import { authorizeChannel } from "./authorize";
import { type ClientFrame, ClientFrame as Frame, parseChannel, type Reply } from "./channel";
import { ConnectionEntity, SubscriptionEntity, TicketEntity } from "./entity";
import { join, leave } from "./presence";
import { forget, sendTo } from "./publisher";
import { relay } from "./whisper";

const TICKET_TTL_SECONDS = 60;
/** API Gateway closes a WebSocket after 2 hours at most; keep items a little longer. */
const CONNECTION_TTL_SECONDS = 2 * 3600 + 600;

export const TicketResult = z.object({ ticket: z.string(), url: z.string() }).meta({ id: "RealtimeTicket" });

/** A single-use ticket the browser trades for a WebSocket connection within 60 s. */
export async function issueTicket(actor: Actor): Promise<z.infer<typeof TicketResult>> {
  const user = requireUser(actor);
  // The socket will rest on the caller's token; without one, nothing could end it.
  if (!user.tokenId) throw unauthorized();
  const ticket = randomSecret(24);
  await TicketEntity()
    .create({
      ticketHash: sha256(ticket),
      workspaceId: user.workspaceId,
      userId: user.userId,
      tokenId: user.tokenId,
      expiresAt: epochSeconds() + TICKET_TTL_SECONDS,
    })
    .go();
  return { ticket, url: config().wsPublicUrl };
}

/**
 * $connect: consumes the ticket (deleted on read, so it works once) and stores the connection,
 * if the token it was minted with still works: a ticket outlives no sign-out or revocation.
 */
export async function connect(
  connectionId: string,
  ticket: string | undefined,
): Promise<UserActor | undefined> {
  if (!ticket || ticket.length > 128) return undefined;
  const consumed = await TicketEntity()
    .delete({ ticketHash: sha256(ticket) })
    .go({ response: "all_old" })
    .catch(() => ({ data: null }));
  const data = consumed.data;
  // TTL deletion is lazy: an expired ticket may still be stored. One minted before tickets
  // named their token (a deploy ago, at most a minute) is refused too: the browser asks again.
  if (!data || !isAlive(data) || !data.tokenId) return undefined;
  const [token, user] = await Promise.all([
    Token.stillValid(data.tokenId),
    User.get(data.workspaceId, data.userId).catch(() => undefined),
  ]);
  if (!token || !user || user.status !== "active") return undefined;
  const connection = {
    connectionId,
    workspaceId: user.workspaceId,
    userId: user.id,
    role: user.role,
    name: user.name,
    tokenId: token.tokenId,
    scope: token.scope,
    connectedAt: nowIso(),
    // Alive no longer than its token: its subscriptions, which share this, stop hearing events then.
    expiresAt: Math.min(epochSeconds() + CONNECTION_TTL_SECONDS, epochSeconds(new Date(token.expiresAt))),
  };
  await ConnectionEntity().put(connection).go();
  return actorOf(connection);
}

/** $disconnect: forgets the connection and tells presence channels the member left. */
export async function disconnect(connectionId: string): Promise<void> {
  const connection = await ConnectionEntity().get({ connectionId }).go();
  const channels = await forget(connectionId);
  if (!connection.data) return;
  const member = { id: connection.data.userId, name: connection.data.name };
  const presence = channels.filter((c) => parseChannel(c)?.kind === "presence");
  await Promise.all(presence.map((c) => leave(c, member)));
}

/**
 * Closes every open socket of a person (signed out everywhere, deactivated, re-roled, removed
 * from a project): they leave their presence channels at once, then API Gateway drops the
 * sockets. Returns how many were open.
 */
export async function closeUserConnections(workspaceId: string, userId: string): Promise<number> {
  return closeAll(await openConnections(workspaceId, userId));
}

/** Closes the sockets opened with one token (signed out, API token revoked). Returns how many. */
export async function closeTokenConnections(token: {
  tokenId: string;
  workspaceId: string;
  userId: string;
}): Promise<number> {
  const opened = await openConnections(token.workspaceId, token.userId);
  return closeAll(opened.filter((c) => c.tokenId === token.tokenId));
}

/** A person's stored connections: a handful at most (their tabs and integrations). */
async function openConnections(workspaceId: string, userId: string) {
  const { data } = await ConnectionEntity()
    .query.byUser({ workspaceId, userId })
    .go({ pages: "all", attributes: ["connectionId", "tokenId"] });
  return data;
}

async function closeAll(opened: { connectionId: string }[]): Promise<number> {
  // One at a time, so only the last tab's departure is announced as leaving.
  for (const { connectionId } of opened) await close(connectionId);
  return opened.length;
}

/** Forgets a connection (presence members hear it leave), then has API Gateway drop the socket. */
async function close(connectionId: string): Promise<void> {
  await disconnect(connectionId);
  const { client, sdk } = await connections();
  await client.send(new sdk.DeleteConnectionCommand({ ConnectionId: connectionId })).catch((error) => {
    // 410: already closed, which is what we wanted.
    if (!(error instanceof sdk.GoneException))
      logger().warn("delete connection failed", { connectionId, error: String(error) });
  });
}

/** $default: one client frame. Replies go back to the same connection. */
export async function receive(connectionId: string, body: string | undefined): Promise<void> {
  const reply: Reply = (envelope) => sendTo(connectionId, JSON.stringify({ ...envelope, id: createId() }));
  const parsed = Frame.safeParse(safeJson(body));
  if (!parsed.success) {
    await reply({ channel: "", event: "error", data: { code: "bad_frame", message: "Unrecognised frame." } });
    return;
  }
  const connection = await liveConnection(connectionId);
  if (!connection) {
    await reply({ channel: "", event: "error", data: { code: "unauthorized", message: "Reconnect." } });
    // Its token expired (or API Gateway's limit passed): the socket may do nothing more.
    await close(connectionId);
    return;
  }
  await handle(connection, parsed.data, reply);
}

type Connection = NonNullable<Awaited<ReturnType<typeof liveConnection>>>;

async function handle(connection: Connection, frame: ClientFrame, reply: Reply): Promise<void> {
  const { actor, item } = connection;
  const me = { connectionId: item.connectionId, userId: item.userId, name: item.name };
  if (announces(frame)) {
    const readOnly = await refusalOf(() => requireWrite(actor));
    if (readOnly) {
      const event = frame.action === "subscribe" ? "subscription.error" : "error";
      await reply({
        channel: frame.channel,
        event,
        data: { code: readOnly.code, message: readOnly.message },
      });
      return;
    }
  }
  switch (frame.action) {
    case "ping":
      await reply({ channel: "", event: "pong", data: {} });
      return;
    case "subscribe": {
      const channel = parseChannel(frame.channel);
      const grant = channel && (await authorizeChannel(actor, channel));
      if (!channel || !grant) {
        await reply({
          channel: frame.channel,
          event: "subscription.error",
          data: { code: "forbidden", message: "You cannot subscribe to this channel." },
        });
        return;
      }
      const { data: before } = await SubscriptionEntity()
        .put({ ...me, ...grant, channel: frame.channel, subscribedAt: nowIso(), expiresAt: item.expiresAt })
        .go({ response: "all_old" });
      await reply({ channel: frame.channel, event: "subscription.succeeded", data: {} });
      // Subscribing twice from one socket is not joining twice.
      if (channel.kind === "presence" && !before) await join(frame.channel, me, reply);
      return;
    }
    case "unsubscribe": {
      const { data: before } = await SubscriptionEntity()
        .delete({ channel: frame.channel, connectionId: item.connectionId })
        .go({ response: "all_old" });
      if (before && parseChannel(frame.channel)?.kind === "presence")
        await leave(frame.channel, { id: item.userId, name: item.name });
      return;
    }
    case "whisper":
      await relay(me, frame, reply);
      return;
    case "resume": {
      const channel = parseChannel(frame.channel);
      const checkpoint =
        channel?.kind === "agentThread" ? await checkpointOf(actor, channel.id, frame.messageId) : undefined;
      if (!checkpoint) {
        await reply({
          channel: frame.channel,
          event: "error",
          data: { code: "not_found", message: "There is no such answer on this channel." },
        });
        return;
      }
      // Only news: a checkpoint the client is already past would change nothing.
      if (checkpoint.seq > frame.afterSeq)
        await reply({ channel: frame.channel, event: AgentEvents.Checkpoint.name, data: checkpoint });
      return;
    }
  }
}

/**
 * Frames by which a socket is seen by others, so a write, refused to a read-only token: joining a
 * presence channel lists it as here to every member (there is no watching one unseen), and a
 * whisper (typing) is relayed to them. Other subscriptions and `resume` only read.
 */
function announces(frame: ClientFrame): frame is Extract<ClientFrame, { action: "subscribe" | "whisper" }> {
  if (frame.action === "whisper") return true;
  return frame.action === "subscribe" && parseChannel(frame.channel)?.kind === "presence";
}

/** The connection while it is alive: not past API Gateway's limit nor its token's expiry. */
async function liveConnection(connectionId: string) {
  const { data } = await ConnectionEntity().get({ connectionId }).go();
  if (!data || !isAlive(data)) return undefined;
  return { actor: actorOf(data), item: data };
}

/** Who acts through a connection: its person, in the role and with the token it was opened with. */
const actorOf = (c: {
  userId: string;
  workspaceId: string;
  role: UserActor["role"];
  tokenId: string;
  scope: UserActor["scope"];
}): UserActor => ({
  type: "user",
  userId: c.userId,
  workspaceId: c.workspaceId,
  role: c.role,
  tokenId: c.tokenId,
  scope: c.scope,
});

function safeJson(body: string | undefined): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}
