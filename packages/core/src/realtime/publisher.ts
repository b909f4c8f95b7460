// The one way the server talks to browsers: find a channel's live subscribers and
// PostToConnection each of them with bounded concurrency. A 410 means API Gateway has
// already dropped the socket, so that connection and its subscriptions are deleted at once.
import { GoneException, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import type { z } from "zod";
import { connections } from "../aws/clients";
import type { EventDefinition } from "../event";
import { logger } from "../log";
import * as Metric from "../metrics";
import { epochSeconds } from "../tables";
import { createId } from "../util";
import type { Envelope } from "./channel";
import { ConnectionEntity, SubscriptionEntity } from "./entity";

const CONCURRENCY = 32;

export interface Delivery {
  /** PostToConnection calls that succeeded. */
  sent: number;
  /** Stale connections found (410) and removed. */
  gone: number;
}

/** Publishes a declared event to every live subscriber of a channel. */
export async function publish<S extends z.ZodType>(
  channel: string,
  definition: EventDefinition<string, S>,
  data: z.infer<S>,
  options: { seq?: number; exceptConnectionId?: string } = {},
): Promise<Delivery> {
  const envelope: Envelope = { channel, event: definition.name, data, id: createId() };
  if (options.seq !== undefined) envelope.seq = options.seq;
  return broadcast(channel, envelope, options.exceptConnectionId);
}

/** Sends an already-built envelope to a channel's subscribers. */
export async function broadcast(channel: string, envelope: Envelope, exceptConnectionId?: string) {
  const ids = (await subscribers(channel)).filter((id) => id !== exceptConnectionId);
  return sendMany(ids, JSON.stringify(envelope));
}

export async function subscribers(channel: string): Promise<string[]> {
  const now = epochSeconds();
  const { data } = await SubscriptionEntity()
    .query.primary({ channel })
    .where(({ expiresAt }, { gt }) => gt(expiresAt, now))
    .go({ pages: "all", attributes: ["connectionId"] });
  return data.map((s) => s.connectionId);
}

export async function sendMany(connectionIds: string[], payload: string): Promise<Delivery> {
  const result: Delivery = { sent: 0, gone: 0 };
  const queue = [...connectionIds];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (await sendTo(id, payload)) result.sent++;
      else result.gone++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  Metric.count("SocketMessagesSent", result.sent);
  Metric.count("GoneConnectionsCleaned", result.gone);
  return result;
}

/** True when delivered; false when the connection was gone (and has been forgotten). */
export async function sendTo(connectionId: string, payload: string): Promise<boolean> {
  try {
    await connections().send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: payload }));
    return true;
  } catch (error) {
    if (error instanceof GoneException) {
      await forget(connectionId);
      return false;
    }
    logger().warn("post to connection failed", { connectionId, error: String(error) });
    return false;
  }
}

/** Deletes a connection and every subscription it holds. Returns the channels it was on. */
export async function forget(connectionId: string): Promise<string[]> {
  const { data } = await SubscriptionEntity().query.byConnection({ connectionId }).go({ pages: "all" });
  if (data.length > 0) {
    await SubscriptionEntity()
      .delete(data.map((s) => ({ channel: s.channel, connectionId })))
      .go();
  }
  await ConnectionEntity().delete({ connectionId }).go();
  return data.map((s) => s.channel);
}
