// The agent screen shared by a project's Agent tab and the admin agent: the person's own
// threads on one side (threads are private to their author, named after their first question),
// the open conversation in the middle, and the digests beside it.
import type { AgentThread } from "@rehome/client";
import { type UseQueryResult, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { NavLink, useNavigate, useParams } from "react-router";
import { Empty, Failed, Loading } from "../components/States";
import { ui } from "../components/ui";
import { Conversation } from "./Conversation";

interface Props {
  threads: UseQueryResult<{ items: AgentThread[] }>;
  threadsKey: readonly unknown[];
  /** The thread is named after its first question (by the API). */
  createThread: () => Promise<AgentThread>;
  /** Where thread links point: `${basePath}/${threadId}`. */
  basePath: string;
  prompts: string[];
  intro: string;
  digest: ReactNode;
}

export function AgentPanel({ threads, threadsKey, createThread, basePath, prompts, intro, digest }: Props) {
  const { threadId } = useParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const create = useMutation({
    mutationFn: createThread,
    onSuccess: async (thread) => {
      await queries.invalidateQueries({ queryKey: threadsKey });
      navigate(`${basePath}/${thread.id}`);
    },
  });
  if (threads.isPending) return <Loading what="conversations" />;
  if (threads.isError) return <Failed error={threads.error} retry={() => threads.refetch()} />;
  const current = threads.data.items.find((t) => t.id === threadId) ?? threads.data.items[0];
  const start = (
    <button type="button" className={ui.primary} onClick={() => create.mutate()} disabled={create.isPending}>
      {threads.data.items.length ? "New conversation" : "Start a conversation"}
    </button>
  );

  return (
    <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)] 2xl:grid-cols-[14rem_minmax(0,1fr)_20rem]">
      <aside aria-label="Conversations" className="space-y-3">
        {start}
        {create.isError && <Failed error={create.error} />}
        <ul className="flex gap-2 overflow-x-auto lg:flex-col lg:overflow-visible">
          {threads.data.items.map((thread) => (
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
      </aside>
      <div className="min-w-0">
        {current ? (
          <Conversation key={current.id} threadId={current.id} prompts={prompts} intro={intro} />
        ) : (
          <Empty>{intro}</Empty>
        )}
      </div>
      <div className="lg:col-span-2 2xl:col-span-1">{digest}</div>
    </div>
  );
}
