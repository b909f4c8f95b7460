// An Echo-like realtime client over the ReHome WebSocket: private and presence channels,
// whispers, automatic reconnect with exponential backoff and jitter (a fresh ticket each
// time), resubscription, keep-alive pings, and a connection-state callback for the UI.
// Runs in browsers (global WebSocket) and in Node (pass `ws`).

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";
type Listener = (data: any, envelope: Envelope) => void;
export interface Envelope {
  channel: string;
  event: string;
  data: any;
  seq?: number;
  id: string;
}

interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((this: any, ev: any) => any) | null;
  onclose: ((this: any, ev: any) => any) | null;
  onmessage: ((this: any, ev: { data: any }) => any) | null;
  onerror: ((this: any, ev: any) => any) | null;
}
type SocketConstructor = new (url: string) => SocketLike;

export interface RealtimeOptions {
  ticket: () => Promise<{ ticket: string; url: string }>;
  WebSocket?: SocketConstructor;
  /** Keep-alive interval; API Gateway closes sockets idle for 10 minutes. */
  pingMs?: number;
  backoff?: { baseMs: number; maxMs: number };
}

export function createRealtime(options: RealtimeOptions) {
  const Socket = options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor);
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 15_000 };
  const channels = new Map<string, Map<string, Set<Listener>>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let socket: SocketLike | undefined;
  let state: ConnectionState = "disconnected";
  let attempt = 0;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const fn of stateListeners) fn(next);
  };
  const send = (frame: object) => {
    if (socket?.readyState === 1) socket.send(JSON.stringify(frame));
  };

  async function connect() {
    if (stopped) return;
    setState(attempt === 0 ? "connecting" : "reconnecting");
    let opened: SocketLike;
    try {
      const { ticket, url } = await options.ticket();
      opened = new Socket(`${url}?ticket=${encodeURIComponent(ticket)}`);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = opened;
    opened.onopen = () => {
      attempt = 0;
      setState("connected");
      for (const name of channels.keys()) send({ action: "subscribe", channel: name });
      ping = setInterval(() => send({ action: "ping" }), options.pingMs ?? 5 * 60_000);
    };
    opened.onmessage = (event) => {
      const envelope = JSON.parse(String(event.data)) as Envelope;
      const listeners = channels.get(envelope.channel)?.get(envelope.event);
      for (const fn of listeners ?? []) fn(envelope.data, envelope);
    };
    opened.onerror = () => undefined;
    opened.onclose = () => {
      clearInterval(ping);
      if (socket === opened) socket = undefined;
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (stopped) return setState("disconnected");
    setState("reconnecting");
    // Full jitter keeps a fleet of browsers from reconnecting in lockstep after an outage.
    const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
    attempt++;
    retry = setTimeout(connect, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  function channel(name: string) {
    if (!channels.has(name)) {
      channels.set(name, new Map());
      send({ action: "subscribe", channel: name });
    }
    const api = {
      name,
      listen(event: string, fn: Listener) {
        const events = channels.get(name);
        if (events) events.set(event, (events.get(event) ?? new Set()).add(fn));
        return api;
      },
      stopListening(event: string, fn?: Listener) {
        const events = channels.get(name);
        if (fn) events?.get(event)?.delete(fn);
        else events?.delete(event);
        return api;
      },
    };
    return api;
  }

  function presence(name: string) {
    const base = channel(name);
    const api = {
      ...base,
      here: (fn: (members: { id: string; name: string }[]) => void) => (
        base.listen("presence.here", fn), api
      ),
      joining: (fn: (member: { id: string; name: string }) => void) => (
        base.listen("presence.joining", fn), api
      ),
      leaving: (fn: (member: { id: string; name: string }) => void) => (
        base.listen("presence.leaving", fn), api
      ),
      whisper: (event: string, data: unknown) => (
        send({ action: "whisper", channel: name, event, data }), api
      ),
      listenForWhisper: (event: string, fn: Listener) => (base.listen(`client-${event}`, fn), api),
    };
    return api;
  }

  void connect();
  return {
    private: (name: string) => channel(`private-${name}`),
    join: (name: string) => presence(`presence-${name}`),
    leave(name: string) {
      for (const full of [`private-${name}`, `presence-${name}`]) {
        if (channels.delete(full)) send({ action: "unsubscribe", channel: full });
      }
    },
    onState(fn: (state: ConnectionState) => void) {
      stateListeners.add(fn);
      fn(state);
      return () => stateListeners.delete(fn);
    },
    state: () => state,
    disconnect() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      socket?.close(1000);
      setState("disconnected");
    },
  };
}

export type Realtime = ReturnType<typeof createRealtime>;
