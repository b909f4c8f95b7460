// The project agent: one conversation per thread, answers streamed token by token (applied
// once per animation frame), scroll lock, quick prompts, cancel, copy and citation links.
import { type AgentMessage, ApiError, createAnswerStream } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { Empty, Failed, Loading } from "../components/States";
import { api, useRealtimeConnection } from "../session";

const QUICK_PROMPTS = [
  "What changed today?",
  "My tasks this week",
  "Summarize last 20 messages",
  "Blocked tasks",
  "Overdue by assignee",
];

export function AgentChat({ projectId }: { projectId: string }) {
  const queries = useQueryClient();
  const threads = useQuery({ queryKey: ["threads", projectId], queryFn: () => api.agent.threads(projectId) });
  const createThread = useMutation({
    mutationFn: () => api.agent.createThread(projectId, "Project questions"),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["threads", projectId] }),
  });
  if (threads.isPending) return <Loading what="conversations" />;
  if (threads.isError) return <Failed error={threads.error} />;
  const thread = threads.data.items[0];
  if (!thread) {
    return (
      <div className="space-y-3">
        <Empty>Ask the project assistant about tasks, deadlines and what changed.</Empty>
        <button
          type="button"
          onClick={() => createThread.mutate()}
          className="rounded bg-emerald-700 px-4 py-2 text-sm font-medium text-white"
        >
          Start a conversation
        </button>
      </div>
    );
  }
  return <Conversation projectId={projectId} threadId={thread.id} />;
}

function Conversation({ projectId, threadId }: { projectId: string; threadId: string }) {
  const queries = useQueryClient();
  const key = ["agent-messages", threadId];
  const messages = useQuery({ queryKey: key, queryFn: () => api.agent.messages(threadId) });
  const live = useLiveAnswers(threadId, () => queries.invalidateQueries({ queryKey: key }));
  const [error, setError] = useState<string>();
  const ask = useMutation({
    mutationFn: (content: string) => api.agent.ask(threadId, content),
    onSuccess: () => queries.invalidateQueries({ queryKey: key }),
    onError: (e) => setError(e instanceof ApiError ? e.message : "The question could not be sent."),
  });
  const scroll = useScrollLock([messages.data, live]);

  if (messages.isPending) return <Loading what="the conversation" />;
  if (messages.isError) return <Failed error={messages.error} />;
  const streaming = messages.data.items.find((m) => m.role === "assistant" && m.status === "streaming");
  return (
    <div className="flex h-[32rem] flex-col rounded-lg border border-slate-200 bg-white">
      <div
        ref={scroll.ref}
        onScroll={scroll.onScroll}
        className="relative grow space-y-3 overflow-y-auto p-4"
        aria-live="polite"
        data-testid="agent-log"
      >
        {messages.data.items.length === 0 && (
          <Empty>Ask anything about this project, or pick a quick prompt below.</Empty>
        )}
        {messages.data.items.map((m) => (
          <Bubble key={m.id} message={m} projectId={projectId} live={live[m.id]} />
        ))}
      </div>
      {!scroll.atBottom && (
        <button
          type="button"
          onClick={scroll.jump}
          className="mx-auto -mt-10 mb-2 rounded-full bg-slate-800 px-3 py-1 text-xs text-white"
        >
          Jump to latest
        </button>
      )}
      <div className="border-t border-slate-200 p-3">
        <div className="mb-2 flex flex-wrap gap-2">
          {QUICK_PROMPTS.map((prompt) => (
            <button
              key={prompt}
              type="button"
              disabled={Boolean(streaming)}
              onClick={() => ask.mutate(prompt)}
              className="rounded-full border border-emerald-300 bg-emerald-50 px-3 py-1 text-xs text-emerald-900 disabled:opacity-50"
            >
              {prompt}
            </button>
          ))}
        </div>
        {error && (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const input = event.currentTarget.elements.namedItem("question") as HTMLInputElement;
            if (input.value.trim()) ask.mutate(input.value.trim());
            input.value = "";
          }}
        >
          <label htmlFor="question" className="sr-only">
            Ask the assistant
          </label>
          <input
            id="question"
            name="question"
            placeholder="Ask the assistant…"
            className="grow rounded border border-slate-300 px-3 py-2 text-sm"
          />
          {streaming?.runId ? (
            <button
              type="button"
              onClick={() => streaming.runId && api.agent.cancel(streaming.runId)}
              className="rounded border border-red-300 px-4 py-2 text-sm text-red-800"
            >
              Stop
            </button>
          ) : (
            <button type="submit" className="rounded bg-emerald-700 px-4 py-2 text-sm font-medium text-white">
              Ask
            </button>
          )}
        </form>
      </div>
    </div>
  );
}

function Bubble({ message, projectId, live }: { message: AgentMessage; projectId: string; live?: string }) {
  const mine = message.role === "user";
  const content = live !== undefined && live.length >= message.content.length ? live : message.content;
  return (
    <article
      className={`w-fit max-w-[85%] rounded-lg px-3 py-2 text-sm ${mine ? "ml-auto bg-emerald-700 text-white" : "bg-slate-100"}`}
      data-testid={mine ? "question" : "answer"}
      data-status={message.status}
    >
      {mine ? (
        <p>{content}</p>
      ) : (
        <div className="prose prose-sm max-w-none [&_a]:text-emerald-800 [&_a]:underline [&_h3]:font-semibold [&_ul]:list-disc [&_ul]:pl-5">
          <Markdown remarkPlugins={[remarkGfm]} skipHtml>
            {linkCitations(content, projectId)}
          </Markdown>
          {message.status === "streaming" && <span className="animate-pulse">▍</span>}
          {message.status === "cancelled" && <p className="mt-1 text-xs text-amber-800">Stopped.</p>}
          {message.status === "failed" && (
            <p className="mt-1 text-xs text-red-700">The answer failed. Ask again.</p>
          )}
          {message.status === "completed" && (
            <button
              type="button"
              className="mt-1 text-xs text-slate-500 underline"
              onClick={() => navigator.clipboard?.writeText(content)}
            >
              Copy
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** `[task:ID]` citations become links to the task on the board. */
const linkCitations = (text: string, projectId: string) =>
  text.replace(
    /\[task:([A-Za-z0-9_-]+)\]/g,
    (_, id: string) => `[↗ task](/projects/${projectId}#task-${id})`,
  );

/** Live text of streaming answers by message id, applied at most once per animation frame. */
function useLiveAnswers(threadId: string, onSettled: () => void) {
  const realtime = useRealtimeConnection();
  const [texts, setTexts] = useState<Record<string, string>>({});
  // The latest callback, without resubscribing the channel on every render.
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    const onDone = () => settled.current();
    const streams = new Map<string, ReturnType<typeof createAnswerStream>>();
    const latest: Record<string, string> = {};
    let frame = 0;
    const render = () => {
      frame = 0;
      setTexts({ ...latest });
    };
    const streamFor = (messageId: string) => {
      let stream = streams.get(messageId);
      if (!stream) {
        stream = createAnswerStream({
          onChange: (state) => {
            latest[messageId] = state.content;
            frame ||= requestAnimationFrame(render);
          },
          refetch: () =>
            api.agent.messages(threadId).then(({ items }) => {
              const stored = items.find((m) => m.id === messageId);
              if (stored)
                streams.get(messageId)?.checkpoint({ content: stored.content, lastSeq: stored.lastSeq });
            }),
        });
        streams.set(messageId, stream);
      }
      return stream;
    };
    const channel = realtime.private(`agent-threads.${threadId}`);
    channel
      .listen("agent.message.delta", (d) => {
        streamFor(d.messageId).delta(d);
        if (d.done) onDone();
      })
      .listen("agent.message.rewound", (r) => streamFor(r.messageId).rewound(r))
      .listen("agent.message.completed", onDone)
      .listen("agent.run.cancelled", onDone)
      .listen("agent.run.failed", onDone);
    return () => {
      cancelAnimationFrame(frame);
      realtime.leave(`agent-threads.${threadId}`);
    };
  }, [threadId, realtime]);
  return texts;
}

/** Follows new content only while the reader is at the bottom; otherwise offers a jump. */
function useScrollLock(deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const jump = () => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
    setAtBottom(true);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows content changes passed in deps.
  useEffect(() => {
    if (atBottom) jump();
  }, deps);
  const onScroll = () => {
    const el = ref.current;
    if (el) setAtBottom(el.scrollHeight - el.scrollTop - el.clientHeight < 24);
  };
  return { ref, atBottom, jump, onScroll };
}
