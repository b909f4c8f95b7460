// Listens to some events of a private channel while a component is mounted. Screens share
// channels: one is left only when nobody has listened to it for a moment, so switching tabs
// does not unsubscribe and resubscribe (API Gateway may run those two frames out of order).
import {
  type EventHandlers,
  type Listener,
  type PrivateChannel,
  type Realtime,
  SUBSCRIBED,
} from "@rehome/client";
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useRealtime } from "../session";

type Handler = (data: unknown) => void;
const LEAVE_AFTER_MS = 2000;

/** What a screen reads again when its channel may have missed events. */
export interface CatchUp {
  /** The queries the channel's events keep current. */
  keys: QueryKey[];
  /**
   * Also when the channel is first subscribed, for what must never be missed (a person's notices):
   * whatever was published between the list's read and that moment never arrives either.
   */
  atFirst?: boolean;
}

/**
 * Nothing published while the connection is down ever arrives: after a reconnect, each confirmed
 * subscription reads the screen's `catchUp` queries again. Every screen asks; a read already in
 * flight serves them all.
 */
export function useChannel<Events>(name: string, handlers: EventHandlers<Events>, catchUp?: CatchUp): void {
  const realtime = useRealtime();
  const queries = useQueryClient();
  // The latest callbacks, without resubscribing on every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  const reads = useRef(catchUp);
  reads.current = catchUp;
  const events = Object.keys(handlers).sort().join(",");
  useEffect(() => {
    const channel = realtime.private(name);
    const bound = events.split(",").map((event) => {
      const fn: Listener = (data) => (latest.current as Record<string, Handler | undefined>)[event]?.(data);
      channel.listen(event, fn);
      return [event, fn] as const;
    });
    // onState tells the state at once too: mounted while reconnecting, the list may have been
    // read while events went unheard.
    let dropped = false;
    const unwatch = realtime.onState((state) => {
      if (state === "reconnecting") dropped = true;
    });
    const subscribed = () => {
      const { keys = [], atFirst = false } = reads.current ?? {};
      if (dropped || atFirst)
        for (const queryKey of keys) void queries.invalidateQueries({ queryKey }, { cancelRefetch: false });
      dropped = false;
    };
    channel.subscribed(subscribed);
    return () => {
      unwatch();
      for (const [event, fn] of bound) channel.stopListening(event, fn);
      channel.stopListening(SUBSCRIBED, subscribed);
      release(realtime, channel);
    };
  }, [realtime, queries, name, events]);
}

/** Leaves the channel soon, unless someone listens to it again meanwhile. */
export function release(realtime: Realtime, channel: Pick<PrivateChannel, "name" | "listening">) {
  setTimeout(() => {
    if (!channel.listening()) realtime.leaveChannel(channel.name);
  }, LEAVE_AFTER_MS);
}
