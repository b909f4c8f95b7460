// The agent screen shared by a project's Agent tab and the admin agent: the person's own threads
// on one side (private to their author, named after their first question; the open ones, or the
// archived ones on request), the open conversation in the middle with archive / restore, and the
// digests beside it.
import type { AgentThread } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { NavLink, useNavigate, useParams } from "react-router";
import { Empty, Failed, Loading } from "../components/States";
import { ui } from "../components/ui";
import { api } from "../session";
import { Conversation } from "./Conversation";

interface Props {
  /** Your threads here: the open ones, or the archived ones. */
  listThreads: (archived: boolean) => Promise<{ items: AgentThread[] }>;
  /** Query key prefix of both lists; invalidated when a thread is made, named or archived. */
  threadsKey: readonly unknown[];
  /** A new thread; its first question names it. */
  createThread: () => Promise<AgentThread>;
  /** Where thread links point: `${basePath}/${threadId}`. */
  basePath: string;
  prompts: string[];
  intro: string;
  digest: ReactNode;
}

export function AgentPanel({
  listThreads,
  threadsKey,
  createThread,
  basePath,
  prompts,
  intro,
  digest,
}: Props) {
  const { threadId } = useParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [archived, setArchived] = useState(false);
  const threads = useQuery({ queryKey: [...threadsKey, { archived }], queryFn: () => listThreads(archived) });
  const create = useMutation({
    mutationFn: createThread,
    onSuccess: async (thread) => {
      setArchived(false);
      await queries.invalidateQueries({ queryKey: threadsKey });
      navigate(`${basePath}/${thread.id}`);
    },
  });
  const file = useMutation({
    mutationFn: (thread: AgentThread) =>
      api.agent.updateThread(thread.id, { status: thread.status === "archived" ? "open" : "archived" }),
    onSuccess: async (thread) => {
      await queries.invalidateQueries({ queryKey: threadsKey });
      // An archived conversation leaves the list; a restored one is shown where it now lives.
      setArchived(false);
      navigate(thread.status === "archived" ? basePath : `${basePath}/${thread.id}`);
    },
  });
  if (threads.isPending) return <Loading what="conversations" />;
  if (threads.isError) return <Failed error={threads.error} retry={() => threads.refetch()} />;
  const items = threads.data.items;
  const current = items.find((t) => t.id === threadId) ?? items[0];

  return (
    <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)] 2xl:grid-cols-[14rem_minmax(0,1fr)_20rem]">
      <aside aria-label="Conversations" className="space-y-3">
        <button
          type="button"
          className={ui.primary}
          onClick={() => create.mutate()}
          disabled={create.isPending}
        >
          {items.length || archived ? "New conversation" : "Start a conversation"}
        </button>
        {create.isError && <Failed error={create.error} />}
        {archived && <h2 className="text-sm font-medium text-slate-600">Archived conversations</h2>}
        <ul className="flex gap-2 overflow-x-auto lg:flex-col lg:overflow-visible">
          {items.map((thread) => (
            <li key={thread.id} className="shrink-0">
              <NavLink
                to={`${basePath}/${thread.id}`}
                aria-current={thread.id === current?.id ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm ${thread.id === current?.id ? "bg-emerald-50 font-medium text-emerald-900" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {thread.title}
              </NavLink>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="text-sm text-slate-600 underline"
          aria-pressed={archived}
          onClick={() => setArchived(!archived)}
        >
          {archived ? "Back to conversations" : "Archived conversations"}
        </button>
      </aside>
      <div className="min-w-0 space-y-2">
        {current ? (
          <>
            <div className="flex items-center justify-between gap-3">
              <h2 className="truncate text-sm font-medium text-slate-700">{current.title}</h2>
              <button
                type="button"
                className={ui.secondary}
                onClick={() => file.mutate(current)}
                disabled={file.isPending}
              >
                {current.status === "archived" ? "Restore" : "Archive"}
              </button>
            </div>
            {file.isError && <Failed error={file.error} />}
            <Conversation
              key={current.id}
              threadId={current.id}
              archived={current.status === "archived"}
              prompts={prompts}
              intro={intro}
            />
          </>
        ) : (
          <Empty>{archived ? "No archived conversations." : intro}</Empty>
        )}
      </div>
      <div className="lg:col-span-2 2xl:col-span-1">{digest}</div>
    </div>
  );
}
