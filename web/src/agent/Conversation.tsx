// One agent thread: the messages with answers streaming in, scroll lock with "jump to
// latest", quick-prompt chips, the composer with Stop while an answer streams, and a clear
// notice when limits, budgets or an outage block new questions, or the thread is archived.
import type { AgentMessage } from "@rehome/client";
import { useQuery } from "@tanstack/react-query";
import { submitField } from "../components/forms";
import { JumpToLatest } from "../components/JumpToLatest";
import { Empty, Failed, Loading } from "../components/States";
import { ui } from "../components/ui";
import { useScrollLock } from "../hooks/useScrollLock";
import { api } from "../session";
import { BlockedNotice } from "./BlockedNotice";
import { MessageBubble } from "./MessageBubble";
import { useAsk } from "./useAsk";
import { messagesKey, useLiveAnswers } from "./useLiveAnswers";

interface Props {
  threadId: string;
  /** An archived thread is read-only until restored. */
  archived?: boolean;
  prompts: string[];
  /** What this assistant knows about, for an empty thread. */
  intro: string;
}

export function Conversation({ threadId, archived = false, prompts, intro }: Props) {
  const messages = useQuery({ queryKey: messagesKey(threadId), queryFn: () => api.agent.messages(threadId) });
  const items = ordered(messages.data?.items ?? []);
  const live = useLiveAnswers(threadId, messages.data?.items);
  const { ask, blocked, unblock } = useAsk(threadId);
  const textOf = (m: AgentMessage) => {
    const state = live[m.id];
    return m.status === "streaming" && state && state.lastSeq >= m.lastSeq ? state.content : m.content;
  };
  const scroll = useScrollLock<HTMLDivElement>(items.map((m) => `${m.id}:${textOf(m).length}`).join());

  if (messages.isPending) return <Loading what="the conversation" />;
  if (messages.isError) return <Failed error={messages.error} retry={() => messages.refetch()} />;
  const streaming = items.find((m) => m.role === "assistant" && m.status === "streaming");
  const busy = Boolean(streaming) || ask.isPending || Boolean(blocked) || archived;
  const questionBefore = (m: AgentMessage) =>
    items.slice(0, items.indexOf(m)).findLast((q) => q.role === "user")?.content;

  return (
    <div className="relative flex h-[min(36rem,calc(100vh-14rem))] min-h-96 flex-col rounded-lg border border-slate-200 bg-white">
      <div
        ref={scroll.ref}
        onScroll={scroll.onScroll}
        className="grow space-y-3 overflow-y-auto p-4"
        role="log"
        aria-label="Conversation"
        data-testid="agent-log"
        data-thread-id={threadId}
      >
        {items.length === 0 && <Empty>{intro} Pick a quick prompt below or type a question.</Empty>}
        {items.map((m) => {
          const question = m.role === "assistant" ? questionBefore(m) : undefined;
          return (
            <MessageBubble
              key={m.id}
              message={m}
              content={textOf(m)}
              onRetry={question && !busy ? () => ask.mutate(question) : undefined}
            />
          );
        })}
      </div>
      {!scroll.atBottom && (
        <JumpToLatest onJump={scroll.jump} className="absolute bottom-36 left-1/2 -translate-x-1/2" />
      )}
      <div className="border-t border-slate-200 p-3">
        {archived && (
          <p role="status" className="mb-2 text-sm text-slate-600">
            This conversation is archived. Restore it to ask again.
          </p>
        )}
        {blocked && <BlockedNotice block={blocked} onTryAgain={unblock} />}
        {ask.isError && !blocked && <Failed error={ask.error} />}
        <div className="mb-2 flex flex-wrap gap-2" aria-label="Quick prompts">
          {prompts.map((prompt) => (
            <button
              key={prompt}
              type="button"
              disabled={busy}
              onClick={() => ask.mutate(prompt)}
              className="rounded-full border border-emerald-300 bg-emerald-50 px-3 py-1 text-xs text-emerald-900 hover:bg-emerald-100 disabled:opacity-50"
            >
              {prompt}
            </button>
          ))}
        </div>
        <form
          className="flex gap-2"
          onSubmit={submitField("question", (question, restore) =>
            ask.mutate(question, { onError: restore }),
          )}
        >
          <label htmlFor="question" className="sr-only">
            Ask the assistant
          </label>
          <input
            id="question"
            name="question"
            maxLength={4000}
            disabled={Boolean(blocked) || archived}
            placeholder="Ask the assistant…"
            className={ui.field}
          />
          {streaming?.runId ? (
            <button
              type="button"
              onClick={() => streaming.runId && api.agent.cancel(streaming.runId)}
              className={ui.danger}
            >
              Stop
            </button>
          ) : (
            <button type="submit" disabled={busy} className={ui.primary}>
              Ask
            </button>
          )}
        </form>
      </div>
    </div>
  );
}

/** Oldest first: ids sort in the order messages were made, a question before its answer. */
const ordered = (items: AgentMessage[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
