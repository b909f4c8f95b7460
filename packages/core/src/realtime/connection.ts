// The lifecycle of one WebSocket connection: ticket -> $connect -> frames -> $disconnect.
// Authorization of every subscription goes through the policy module via authorizeChannel.
import { z } from "zod";
import type { Actor, UserActor } from "../actor";
import { config } from "../config";
import { requireUser } from "../policy";
import { epochSeconds, isAlive } from "../tables";
import { User } from "../user";
import { createId, nowIso, randomSecret, sha256 } from "../util";
import { authorizeChannel } from "./authorize";
import { type ClientFrame, type Envelope, ClientFrame as Frame, parseChannel } from "./channel";
import { ConnectionEntity, SubscriptionEntity, TicketEntity } from "./entity";
import { broadcast, forget, sendTo } from "./publisher";

const TICKET_TTL_SECONDS = 60;
/** API Gateway closes a WebSocket after 2 hours at most; keep items a little longer. */
const CONNECTION_TTL_SECONDS = 2 * 3600 + 600;

export const TicketResult = z.object({ ticket: z.string(), url: z.string() }).meta({ id: "RealtimeTicket" });

/** A single-use ticket the browser trades for a WebSocket connection within 60 s. */
export async function issueTicket(actor: Actor): Promise<z.infer<typeof TicketResult>> {
  const user = requireUser(actor);
  const ticket = randomSecret(24);
  await TicketEntity()
    .create({
      ticketHash: sha256(ticket),
      workspaceId: user.workspaceId,
      userId: user.userId,
      expiresAt: epochSeconds() + TICKET_TTL_SECONDS,
    })
    .go();
  return { ticket, url: config().wsPublicUrl };
}

/** $connect: consumes the ticket (deleted on read, so it works once) and stores the connection. */
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
  if (!data || !isAlive(data)) return undefined;
  const user = await User.get(data.workspaceId, data.userId).catch(() => undefined);
  if (!user || user.status !== "active") return undefined;
  await ConnectionEntity()
    .put({
      connectionId,
      workspaceId: user.workspaceId,
      userId: user.id,
      role: user.role,
      name: user.name,
      connectedAt: nowIso(),
      expiresAt: epochSeconds() + CONNECTION_TTL_SECONDS,
    })
    .go();
  return { type: "user", userId: user.id, workspaceId: user.workspaceId, role: user.role };
}

/** $disconnect: forgets the connection and tells presence channels the member left. */
export async function disconnect(connectionId: string): Promise<void> {
  const connection = await ConnectionEntity().get({ connectionId }).go();
  const channels = await forget(connectionId);
  if (!connection.data) return;
  const member = { id: connection.data.userId, name: connection.data.name };
  await Promise.all(channels.filter((c) => c.startsWith("presence-")).map((c) => leavePresence(c, member)));
}

/** $default: one client frame. Replies go back to the same connection. */
export async function receive(connectionId: string, body: string | undefined): Promise<void> {
  const reply = (envelope: Omit<Envelope, "id">) =>
    sendTo(connectionId, JSON.stringify({ ...envelope, id: createId() }));
  const parsed = Frame.safeParse(safeJson(body));
  if (!parsed.success) {
    await reply({ channel: "", event: "error", data: { code: "bad_frame", message: "Unrecognised frame." } });
    return;
  }
  const connection = await liveConnection(connectionId);
  if (!connection) {
    await reply({ channel: "", event: "error", data: { code: "unauthorized", message: "Reconnect." } });
    return;
  }
  await handle(connection, parsed.data, reply);
}

type Connection = NonNullable<Awaited<ReturnType<typeof liveConnection>>>;
type Reply = (envelope: Omit<Envelope, "id">) => Promise<boolean>;

async function handle(connection: Connection, frame: ClientFrame, reply: Reply): Promise<void> {
  const { actor, item } = connection;
  switch (frame.action) {
    case "ping":
      await reply({ channel: "", event: "pong", data: {} });
      return;
    case "subscribe": {
      const channel = parseChannel(frame.channel);
      if (!channel || !(await authorizeChannel(actor, channel))) {
        await reply({
          channel: frame.channel,
          event: "subscription.error",
          data: { code: "forbidden", message: "You cannot subscribe to this channel." },
        });
        return;
      }
      await SubscriptionEntity()
        .put({
          channel: frame.channel,
          connectionId: item.connectionId,
          userId: item.userId,
          name: item.name,
          subscribedAt: nowIso(),
          expiresAt: item.expiresAt,
        })
        .go();
      await reply({ channel: frame.channel, event: "subscription.succeeded", data: {} });
      if (channel.kind === "presence") await joinPresence(frame.channel, item, reply);
      return;
    }
    case "unsubscribe": {
      await SubscriptionEntity().delete({ channel: frame.channel, connectionId: item.connectionId }).go();
      if (frame.channel.startsWith("presence-")) {
        await leavePresence(frame.channel, { id: item.userId, name: item.name });
      }
      return;
    }
    case "whisper": {
      const subscribed = await SubscriptionEntity()
        .get({ channel: frame.channel, connectionId: item.connectionId })
        .go();
      if (!frame.channel.startsWith("presence-") || !subscribed.data) {
        await reply({
          channel: frame.channel,
          event: "error",
          data: { code: "forbidden", message: "Join first." },
        });
        return;
      }
      await broadcast(
        frame.channel,
        {
          channel: frame.channel,
          event: `client-${frame.event}`,
          data: { from: { id: item.userId, name: item.name }, payload: frame.data },
          id: createId(),
        },
        item.connectionId,
      );
      return;
    }
    case "resume":
      await reply({
        channel: frame.channel,
        event: "error",
        data: { code: "unsupported", message: "Resume is not available." },
      });
      return;
  }
}

async function liveConnection(connectionId: string) {
  const { data } = await ConnectionEntity().get({ connectionId }).go();
  if (!data || !isAlive(data)) return undefined;
  const actor: UserActor = {
    type: "user",
    userId: data.userId,
    workspaceId: data.workspaceId,
    role: data.role,
  };
  return { actor, item: data };
}

async function members(channel: string) {
  const now = epochSeconds();
  const { data } = await SubscriptionEntity()
    .query.primary({ channel })
    .where(({ expiresAt }, { gt }) => gt(expiresAt, now))
    .go({ pages: "all" });
  const unique = new Map(data.map((s) => [s.userId, { id: s.userId, name: s.name }]));
  return [...unique.values()];
}

async function joinPresence(channel: string, item: Connection["item"], reply: Reply) {
  const here = await members(channel);
  await reply({ channel, event: "presence.here", data: here });
  // A second tab of the same person is not a new member.
  const others = here.filter((m) => m.id === item.userId).length;
  if (others <= 1) {
    await broadcast(
      channel,
      { channel, event: "presence.joining", data: { id: item.userId, name: item.name }, id: createId() },
      item.connectionId,
    );
  }
}

async function leavePresence(channel: string, member: { id: string; name: string }) {
  const stillHere = (await members(channel)).some((m) => m.id === member.id);
  if (stillHere) return;
  await broadcast(channel, { channel, event: "presence.leaving", data: member, id: createId() });
}

function safeJson(body: string | undefined): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}
