// A project's message thread: pages of messages (newest first) kept live by the project
// channel (a client's thread also gains and loses messages as staff share them or make them
// internal), and the mutations to post, edit, share or make internal, and delete.
import type { MessageInfo, ProjectEvents } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useChannel } from "../hooks/useChannel";
import { placeItem, removeItem, upsertItem, usePagedList } from "../hooks/usePagedList";
import { api } from "../session";

export const messagesKey = (projectId: string) => ["messages", projectId] as const;
type Edit = Parameters<typeof api.messages.edit>[2];
type Send = Parameters<typeof api.messages.send>[1];

export function useMessages(projectId: string) {
  const queries = useQueryClient();
  const key = messagesKey(projectId);
  const list = usePagedList(key, (cursor) => api.messages.list(projectId, { cursor, limit: 30 }));
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    {
      "message.sent": (message) => upsertItem(queries, key, message),
      "message.updated": (message) => upsertItem(queries, key, message),
      "message.deleted": ({ id }) => removeItem(queries, key, id),
      "message.shown": (message) => placeItem(queries, key, message),
      "message.hidden": ({ id }) => removeItem(queries, key, id),
    },
    { keys: [key] },
  );
  const onSaved = (message: MessageInfo) => upsertItem(queries, key, message);
  return {
    list,
    send: useMutation({
      mutationFn: (input: Send) => api.messages.send(projectId, input),
      onSuccess: onSaved,
    }),
    edit: useMutation({
      mutationFn: ({ id, ...change }: Edit & { id: string }) => api.messages.edit(projectId, id, change),
      onSuccess: onSaved,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.messages.remove(projectId, id),
      onSuccess: (_, id) => removeItem(queries, key, id),
    }),
  };
}
