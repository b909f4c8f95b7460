// The signed-in person's notifications: the newest ones and the unread count, kept live by
// their private channel, with marking read.
import type { NotificationInfo, UserEvents } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useChannel } from "../hooks/useChannel";
import { api } from "../session";

const KEY = ["notifications"];
type Recent = { items: NotificationInfo[] };

export function useNotifications(userId: string) {
  const queries = useQueryClient();
  const recent = useQuery({ queryKey: KEY, queryFn: () => api.notifications.list({ limit: 30 }) });
  const put = (note: NotificationInfo) =>
    queries.setQueryData<Recent>(KEY, (old) =>
      old ? { ...old, items: [note, ...old.items.filter((n) => n.id !== note.id)] } : old,
    );
  // A notice created between the list's read and the channel's first subscription (just signed
  // in on a slow link) would never show either: the list is read again then too.
  useChannel<UserEvents>(`users.${userId}`, { "notification.created": put }, { keys: [KEY], atFirst: true });
  const read = useMutation({ mutationFn: (id: string) => api.notifications.read(id), onSuccess: put });
  const readAll = useMutation({
    mutationFn: () => api.notifications.readAll(),
    onSuccess: () => queries.invalidateQueries({ queryKey: KEY }),
  });
  const items = recent.data?.items ?? [];
  return { recent, items, unread: items.filter((n) => !n.readAt).length, read, readAll };
}

/** Where a notification takes you. */
export function linkOf(note: NotificationInfo): string {
  const base = `/projects/${note.projectId}`;
  if (note.subjectType === "message") return `${base}/messages?message=${note.subjectId}`;
  if (note.subjectType === "task") return `${base}/board?task=${note.subjectId}`;
  if (note.subjectType === "change_order") return `${base}/changes`;
  return base;
}
