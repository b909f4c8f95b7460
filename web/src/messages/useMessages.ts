// A project's message thread: pages of messages (newest first) kept live by the project
// channel, and the mutations to post, edit and delete.
import type { MessageInfo, ProjectEvents } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useChannel } from "../hooks/useChannel";
import { removeItem, upsertItem, usePagedList } from "../hooks/usePagedList";
import { api } from "../session";

export const messagesKey = (projectId: string) => ["messages", projectId] as const;

export function useMessages(projectId: string) {
  const queries = useQueryClient();
  const key = messagesKey(projectId);
  const list = usePagedList(key, (cursor) => api.messages.list(projectId, { cursor, limit: 30 }));
  useChannel<ProjectEvents>(`projects.${projectId}`, {
    "message.sent": (message) => upsertItem(queries, key, message),
    "message.updated": (message) => upsertItem(queries, key, message),
    "message.deleted": ({ id }) => removeItem(queries, key, id),
  });
  const onSaved = (message: MessageInfo) => upsertItem(queries, key, message);
  return {
    list,
    send: useMutation({
      mutationFn: (body: string) => api.messages.send(projectId, { body }),
      onSuccess: onSaved,
    }),
    edit: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) => api.messages.edit(projectId, id, { body }),
      onSuccess: onSaved,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.messages.remove(projectId, id),
      onSuccess: (_, id) => removeItem(queries, key, id),
    }),
  };
}
