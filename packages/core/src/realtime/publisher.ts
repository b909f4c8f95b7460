// The one way the server talks to browsers: find a channel's live subscribers and
// PostToConnection each of them with bounded concurrency. A 410 means API Gateway has
// already dropped the socket, so that connection and its subscriptions are deleted at once.
import type * as z from "zod";
import type { Role } from "../actor";
import { CONNECTION_SOCKETS, connections } from "../aws/clients";
import { config } from "../config";
import type { EventDefinition } from "../event";
import { logger } from "../log";
import * as Metric from "../metrics";
import { epochSeconds } from "../tables";
import { limiter } from "../util";
import { type Envelope, envelope } from "./channel";
import { ConnectionEntity, SubscriptionEntity } from "./entity";

export interface Delivery {
  /** PostToConnection calls that succeeded. */
  sent: number;
  /** Connections that answered 410, now forgotten with their subscriptions. */
  gone: string[];
  /** Calls that failed otherwise (throttled, network): logged, the connection is kept. */
  failed: number;
}

export type Sent = "sent" | "gone" | "failed";

/** One live subscription: who is listening on a channel, through which connection. */
export interface Subscriber {
  connectionId: string;
  userId: string;
  name: string;
  /** The role the subscriber acts in on the channel's project (project channels only). */
  role?: Role;
}

/** Who a publish goes to, when the caller keeps the list between publishes. */
export interface Audience {
  list(): Promise<Subscriber[]>;
  /** Drops connections found gone, so the next publish does not post to them again. */
  drop(connectionIds: string[]): void;
}

/** Publishes a declared event to every live subscriber of a channel. */
export async function publish<S extends z.ZodType>(
  channel: string,
  definition: EventDefinition<string, S>,
  data: z.infer<S>,
  options: {
    seq?: number;
    exceptConnectionId?: string;
    audience?: Audience;
    /** Only subscribers whose role passes (the permission table's visibility rule). */
    to?: (role: Role) => boolean;
  } = {},
): Promise<Delivery> {
  const message = envelope(channel, definition.name, data);
  if (options.seq !== undefined) message.seq = options.seq;
  const listeners = await (options.audience?.list() ?? subscriptions(channel));
  const { to } = options;
  const delivery = await deliver(
    channel,
    listeners
      // No role stored (a subscription from before roles were kept): treated as a client's.
      .filter((s) => !to || to(s.role ?? "client"))
      .map((s) => s.connectionId)
      .filter((id) => id !== options.exceptConnectionId),
    message,
  );
  options.audience?.drop(delivery.gone);
  return delivery;
}

/** A subscriber list read once, for several publishes that split one change by role. */
export const fixedAudience = (list: Subscriber[]): Audience => {
  const gone = new Set<string>();
  return {
    list: async () => list.filter((s) => !gone.has(s.connectionId)),
    drop: (ids) => {
      for (const id of ids) gone.add(id);
    },
  };
};

/**
 * A channel's subscribers, kept between publishes: an answer's deltas leave every few tens of
 * ms, and one Query each would cost more than the posts. Only the first publish waits for the
 * Query; after `maxAgeMs` the next one starts a refresh in the background and still goes to the
 * kept list, so no delta waits on DynamoDB. Someone who subscribes in between hears the stream
 * once a refresh lands and catches up from the checkpoint; someone removed from the project has
 * their sockets closed (access.ts), so the kept list never outlives their access.
 */
export function cachedAudience(channel: string, maxAgeMs: number): Audience {
  const gone = new Set<string>();
  let kept: { at: number; list: Subscriber[] } | undefined;
  let refreshing: Promise<Subscriber[]> | undefined;
  const refresh = () => {
    refreshing ??= subscriptions(channel)
      .then((list) => {
        kept = { at: performance.now(), list };
        return list;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };
  const live = (list: Subscriber[]) => list.filter((s) => !gone.has(s.connectionId));
  return {
    async list() {
      if (!kept) return live(await refresh());
      // A failed background refresh is not remembered: a later publish tries again.
      if (performance.now() - kept.at > maxAgeMs) refresh().catch(() => undefined);
      return live(kept.list);
    },
    drop(connectionIds) {
      for (const id of connectionIds) gone.add(id);
    },
  };
}

/**
 * A channel's subscriptions that have not expired (TTL deletion is lazy). `consistent` sees
 * writes that just happened, for presence decisions made right after one.
 */
export async function subscriptions(channel: string, consistent = false): Promise<Subscriber[]> {
  const now = epochSeconds();
  const { data } = await SubscriptionEntity()
    .query.primary({ channel })
    .where(({ expiresAt }, { gt }) => gt(expiresAt, now))
    .go({ pages: "all", consistent, attributes: ["connectionId", "userId", "name", "role"] });
  return data;
}

/** Sends one envelope to the given connections of `channel`, a bounded number at a time. */
export async function deliver(
  channel: string,
  connectionIds: string[],
  envelope: Envelope,
): Promise<Delivery> {
  const payload = JSON.stringify(envelope);
  const result: Delivery = { sent: 0, gone: [], failed: 0 };
  const turn = limiter(config().realtime.publishConcurrency);
  await Promise.all(
    connectionIds.map((id) =>
      turn(async () => {
        const outcome = await sendTo(id, payload, [channel]);
        if (outcome === "sent") result.sent++;
        else if (outcome === "gone") result.gone.push(id);
        else result.failed++;
      }),
    ),
  );
  Metric.count("SocketMessagesSent", result.sent);
  Metric.count("GoneConnectionsCleaned", result.gone.length);
  Metric.count("SocketSendFailures", result.failed);
  return result;
}

/**
 * A post waiting for a socket is cheap while it is only its payload: the SDK's request, once
 * made, holds tens of KB (middleware, signed headers, body) until a socket frees up. So no more
 * posts are made than the client has sockets, process-wide; with many answers streaming at once
 * that is what keeps the worker's memory per stream small.
 */
const postSlot = limiter(CONNECTION_SOCKETS);

/**
 * Posts one frame to one connection. On 410 the connection is forgotten, including its
 * subscriptions on `channels` (named because the by-connection index may lag a fresh write).
 */
export async function sendTo(connectionId: string, payload: string, channels: string[] = []): Promise<Sent> {
  const { client, sdk } = await connections();
  try {
    await postSlot(() =>
      client.send(new sdk.PostToConnectionCommand({ ConnectionId: connectionId, Data: payload })),
    );
    return "sent";
  } catch (error) {
    if (error instanceof sdk.GoneException) {
      await forget(connectionId, channels);
      return "gone";
    }
    logger().warn("post to connection failed", { connectionId, error: String(error) });
    return "failed";
  }
}

/** Deletes a connection and every subscription it holds. Returns the channels it was on. */
export async function forget(connectionId: string, knownChannels: string[] = []): Promise<string[]> {
  const { data } = await SubscriptionEntity()
    .query.byConnection({ connectionId })
    .go({ pages: "all", attributes: ["channel"] });
  const channels = [...new Set([...data.map((s) => s.channel), ...knownChannels])];
  if (channels.length > 0) {
    await SubscriptionEntity()
      .delete(channels.map((channel) => ({ channel, connectionId })))
      .go();
  }
  await ConnectionEntity().delete({ connectionId }).go();
  return channels;
}
