// An Echo-like realtime client over the ReHome WebSocket: private and presence channels,
// whispers, reconnect with exponential backoff and full jitter (a fresh ticket each time),
// resubscription, keep-alive pings and a connection-state callback. It never retries a
// session that has ended (401), and it runs in browsers (global WebSocket) and Node (`ws`).
import type { Realtime as Core } from "@rehome/core/realtime";

export type Envelope = Core.Envelope;
type ClientFrame = Core.ClientFrame;
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";
export type Listener<T = unknown> = (data: T, envelope: Envelope) => void;
export interface Member {
  id: string;
  name: string;
}
export interface ChannelError {
  code: string;
  message: string;
}

/** What the client needs of a WebSocket. Events are `any` so the browser's and `ws`'s both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
}
export type SocketConstructor = new (url: string) => SocketLike;

export interface RealtimeOptions {
  /** A fresh single-use ticket and the URL to open, e.g. `() => api.realtime.ticket()`. */
  ticket: () => Promise<{ ticket: string; url: string }>;
  /** Node has no global WebSocket before v22: pass `ws`. */
  WebSocket?: SocketConstructor;
  /** Keep-alive interval: API Gateway closes connections idle for 10 minutes. */
  pingMs?: number;
  /** A ping unanswered this long means a half-open socket: drop it and reconnect. */
  pongTimeoutMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
}

const OPEN = 1;
/** The event a channel's `subscribed` callbacks listen to: a screen leaving stops listening to it. */
export const SUBSCRIBED = "subscription.succeeded";

export function createRealtime(options: RealtimeOptions) {
  const Socket = options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor);
  const { baseMs, maxMs } = options.backoff ?? { baseMs: 500, maxMs: 30_000 };
  const random = options.random ?? Math.random;
  const channels = new Map<string, ChannelState>();
  // listenForWhisper registers a wrapper; this finds it again for stopListeningForWhisper.
  const whispers = new WeakMap<WhisperListener, Listener>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let socket: SocketLike | undefined;
  let state: ConnectionState = "connecting";
  let failures = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    for (const fn of stateListeners) fn(next);
  };
  const send = (frame: ClientFrame) => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(frame));
  };

  async function connect() {
    if (stopped) return;
    let opened: SocketLike;
    try {
      const { ticket, url } = await options.ticket();
      if (stopped) return;
      opened = new Socket(`${url}${url.includes("?") ? "&" : "?"}ticket=${encodeURIComponent(ticket)}`);
    } catch (error) {
      // An ended session never gets a ticket again; the UI signs the person out.
      if ((error as { status?: number }).status === 401) return stop();
      return scheduleReconnect();
    }
    socket = opened;
    opened.onopen = () => {
      failures = 0;
      setState("connected");
      for (const name of channels.keys()) send({ action: "subscribe", channel: name });
      pingTimer = setInterval(ping, options.pingMs ?? 5 * 60_000);
    };
    opened.onmessage = (event) => receive(String(event.data));
    opened.onerror = () => undefined;
    opened.onclose = () => {
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
      if (socket !== opened) return;
      socket = undefined;
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (stopped) return;
    setState("reconnecting");
    // Full jitter keeps a fleet of browsers from reconnecting in lockstep after an outage.
    const ceiling = Math.min(maxMs, baseMs * 2 ** failures);
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, random() * ceiling);
  }

  /**
   * A retry waiting its turn tries at once, and an open socket is pinged, so one that died unseen
   * (the device slept, the network changed) is replaced once its pong fails to come. An attempt
   * already under way is left to finish.
   */
  function checkNow() {
    if (stopped) return;
    if (state === "connected") return ping();
    if (retryTimer === undefined) return;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    void connect();
  }

  function ping() {
    send({ action: "ping" });
    clearTimeout(pongTimer);
    pongTimer = setTimeout(() => socket?.close(4000), options.pongTimeoutMs ?? 15_000);
  }

  function receive(raw: string) {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (envelope.channel === "") {
      if (envelope.event === "pong") clearTimeout(pongTimer);
      // The server no longer knows this connection (expired): start over with a new ticket.
      if (envelope.event === "error" && (envelope.data as ChannelError)?.code === "unauthorized")
        socket?.close(4001);
      return;
    }
    const channel = channels.get(envelope.channel);
    if (channel) track(channel, envelope);
    for (const fn of channel?.listeners.get(envelope.event) ?? []) fn(envelope.data, envelope);
  }

  function stop() {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
    const closing = socket;
    socket = undefined;
    closing?.close(1000);
    setState("disconnected");
  }

  function channelState(name: string): ChannelState {
    let channel = channels.get(name);
    if (!channel) {
      channel = { listeners: new Map() };
      channels.set(name, channel);
      send({ action: "subscribe", channel: name });
    }
    return channel;
  }

  function privateChannel(name: string) {
    channelState(name);
    const listen = <T>(event: string, fn: Listener<T>) => {
      // Left and reopened later: listening again subscribes again.
      const { listeners } = channelState(name);
      listeners.set(event, (listeners.get(event) ?? new Set()).add(fn as Listener));
    };
    const api = {
      name,
      listen<T = unknown>(event: string, fn: Listener<T>) {
        listen(event, fn);
        return api;
      },
      stopListening(event: string, fn?: Listener<any>) {
        const listeners = channels.get(name)?.listeners;
        if (fn) listeners?.get(event)?.delete(fn as Listener);
        else listeners?.delete(event);
        return api;
      },
      /** True while any callback is registered: lets shared screens leave only when all are done. */
      listening: () => [...(channels.get(name)?.listeners.values() ?? [])].some((set) => set.size > 0),
      subscribed(fn: () => void) {
        listen(SUBSCRIBED, fn);
        return api;
      },
      /**
       * Asks for one agent answer's stored checkpoint (an agent-thread channel); it arrives as
       * `agent.message.checkpoint` when the server holds more than `afterSeq`.
       */
      resume(messageId: string, afterSeq: number) {
        send({ action: "resume", channel: name, messageId, afterSeq });
        return api;
      },
      error(fn: (error: ChannelError) => void) {
        listen("subscription.error", fn);
        return api;
      },
    };
    return api;
  }

  function presenceChannel(name: string) {
    const base = privateChannel(name);
    const api = {
      ...base,
      /** Called with the members on every (re)join; at once too if they are already known. */
      here(fn: (members: Member[]) => void) {
        base.listen("presence.here", fn);
        const { members } = channelState(name);
        if (members) fn([...members.values()]);
        return api;
      },
      joining(fn: (member: Member) => void) {
        base.listen("presence.joining", fn);
        return api;
      },
      leaving(fn: (member: Member) => void) {
        base.listen("presence.leaving", fn);
        return api;
      },
      whisper(event: string, data: unknown) {
        send({ action: "whisper", channel: name, event, data });
        return api;
      },
      /** The server relays whispers as `client-{event}` with `{from, payload}`. */
      listenForWhisper<T = unknown>(event: string, fn: (payload: T, from: Member) => void) {
        const relay: Listener<{ from: Member; payload: T }> = (data) => fn(data.payload, data.from);
        whispers.set(fn as WhisperListener, relay as Listener);
        base.listen(`client-${event}`, relay);
        return api;
      },
      stopListeningForWhisper<T = unknown>(event: string, fn: (payload: T, from: Member) => void) {
        const relay = whispers.get(fn as WhisperListener);
        if (relay) base.stopListening(`client-${event}`, relay);
        return api;
      },
    };
    return api;
  }

  function leaveChannel(name: string) {
    if (channels.delete(name)) send({ action: "unsubscribe", channel: name });
  }

  void connect();
  return {
    private: (name: string) => privateChannel(`private-${name}`),
    join: (name: string) => presenceChannel(`presence-${name}`),
    /** Leaves `name` in every form, as Echo does. */
    leave(name: string) {
      for (const full of [name, `private-${name}`, `presence-${name}`]) leaveChannel(full);
    },
    leaveChannel,
    onState(fn: (state: ConnectionState) => void) {
      stateListeners.add(fn);
      fn(state);
      return () => {
        stateListeners.delete(fn);
      };
    },
    state: () => state,
    /**
     * Makes sure of the connection now, for when the device is back online or the page back in
     * view: a retry need not wait out its backoff (up to `maxMs`), nor a dead socket the next ping.
     */
    checkNow,
    disconnect: stop,
  };
}

type WhisperListener = (payload: any, from: Member) => void;

interface ChannelState {
  listeners: Map<string, Set<Listener>>;
  /** Presence channels, once joined: who is here, so a screen that listens late still knows. */
  members?: Map<string, Member>;
}

function track(channel: ChannelState, { event, data }: Envelope) {
  if (event === "presence.here") channel.members = new Map((data as Member[]).map((m) => [m.id, m]));
  else if (event === "presence.joining") channel.members?.set((data as Member).id, data as Member);
  else if (event === "presence.leaving") channel.members?.delete((data as Member).id);
}

export type Realtime = ReturnType<typeof createRealtime>;
export type PrivateChannel = ReturnType<Realtime["private"]>;
export type PresenceChannel = ReturnType<Realtime["join"]>;
