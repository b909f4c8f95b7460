// The signed-in session: the runtime config, the API client with the stored token, and one
// realtime connection shared by every screen. Ends itself when the API says the token is gone.
import { createClient, createRealtime, type Realtime, type UserInfo } from "@rehome/client";
import { useSyncExternalStore } from "react";

const STORAGE_KEY = "rehome.session";

interface Stored {
  token: string;
  user: UserInfo;
}
export interface RuntimeConfig {
  /** "" means the API is on this page's origin (local stack). */
  apiUrl: string;
  stage: string;
}

let config: RuntimeConfig = { apiUrl: "", stage: "local" };
let session: Stored | undefined = read();
let realtime: Realtime | undefined;
const listeners = new Set<() => void>();

/** One build serves every stage: the API's URL comes from /config.json, written at deploy time. */
export async function loadConfig(): Promise<void> {
  const loaded = await fetch("/config.json", { cache: "no-store" })
    .then((r) => (r.ok ? (r.json() as Promise<Partial<RuntimeConfig>>) : {}))
    .catch(() => ({}));
  config = { ...config, ...loaded };
}
export const runtimeConfig = () => config;

export const api = createClient({
  get baseUrl() {
    return config.apiUrl.replace(/\/$/, "");
  },
  token: () => session?.token,
  onUnauthorized: () => endSession(),
});

export function startSession(token: string, user: UserInfo): void {
  session = { token, user };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  changed();
}

export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  endSession();
}

/** The signed-in person, re-rendering when they sign in or out (in this tab or another). */
export function useSession(): UserInfo | undefined {
  return useSyncExternalStore(subscribe, () => session?.user);
}

// Back online, or the page back in view: a connection waiting out its backoff (up to 30 s after
// a long outage) tries at once, and an open one is pinged, as a phone that slept may hold a socket
// that died unseen (the next ping would have come only minutes later).
window.addEventListener("online", () => realtime?.checkNow());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") realtime?.checkNow();
});

/** The shared connection; created on first use after sign-in, closed at sign-out. */
export function useRealtime(): Realtime {
  realtime ??= createRealtime({ ticket: () => api.realtime.ticket() });
  return realtime;
}

function endSession(): void {
  realtime?.disconnect();
  realtime = undefined;
  session = undefined;
  localStorage.removeItem(STORAGE_KEY);
  changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function changed() {
  for (const listener of listeners) listener();
}

function read(): Stored | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
}

// Signing in or out in another tab changes who this tab is, connection included.
window.addEventListener("storage", (event) => {
  if (event.key !== STORAGE_KEY) return;
  realtime?.disconnect();
  realtime = undefined;
  session = read();
  changed();
});
