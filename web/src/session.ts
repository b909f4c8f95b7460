// The signed-in session: runtime config, the API client with the stored token, and one
// realtime connection shared by every screen.
import { createClient, createRealtime, type Realtime, type UserInfo } from "@rehome/client";

const TOKEN_KEY = "rehome.token";
const USER_KEY = "rehome.user";

let apiUrl = "";
export async function loadConfig() {
  const config = await fetch("/config.json")
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  apiUrl = (config as { apiUrl?: string }).apiUrl ?? "";
}

export const api = createClient({
  get baseUrl() {
    return apiUrl;
  },
  token: () => localStorage.getItem(TOKEN_KEY) ?? undefined,
});

export const currentUser = (): UserInfo | undefined => {
  const raw = localStorage.getItem(USER_KEY);
  return raw ? (JSON.parse(raw) as UserInfo) : undefined;
};

export function signIn(token: string, user: UserInfo) {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

let realtime: Realtime | undefined;
export function useRealtimeConnection(): Realtime {
  realtime ??= createRealtime({ ticket: () => api.realtime.ticket() });
  return realtime;
}

export async function signOut() {
  await api.logout().catch(() => undefined);
  realtime?.disconnect();
  realtime = undefined;
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}
