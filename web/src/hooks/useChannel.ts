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
import { useEffect, useRef } from "react";
import { useRealtime } from "../session";

type Handler = (data: unknown) => void;
const LEAVE_AFTER_MS = 2000;

/**
 * `onSubscribed` runs each time the server confirms the subscription (at first and after every
 * reconnect): what was published before that moment never arrives, so a screen that must not
 * miss any of it reads its list again there.
 */
export function useChannel<Events>(
  name: string,
  handlers: EventHandlers<Events>,
  onSubscribed?: () => void,
): void {
  const realtime = useRealtime();
  // The latest callbacks, without resubscribing on every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  const confirmed = useRef(onSubscribed);
  confirmed.current = onSubscribed;
  const events = Object.keys(handlers).sort().join(",");
  useEffect(() => {
    const channel = realtime.private(name);
    const bound = events.split(",").map((event) => {
      const fn: Listener = (data) => (latest.current as Record<string, Handler | undefined>)[event]?.(data);
      channel.listen(event, fn);
      return [event, fn] as const;
    });
    const subscribed = () => confirmed.current?.();
    channel.subscribed(subscribed);
    return () => {
      for (const [event, fn] of bound) channel.stopListening(event, fn);
      channel.stopListening(SUBSCRIBED, subscribed);
      release(realtime, channel);
    };
  }, [realtime, name, events]);
}

/** Leaves the channel soon, unless someone listens to it again meanwhile. */
export function release(realtime: Realtime, channel: Pick<PrivateChannel, "name" | "listening">) {
  setTimeout(() => {
    if (!channel.listening()) realtime.leaveChannel(channel.name);
  }, LEAVE_AFTER_MS);
}
