// Asking a question: the 202's user and assistant messages go straight into the cache (the
// answer then streams in), and a refusal by limits, budget or an outage becomes a blocked state,
// kept for the person (not one thread), so it stays when they switch conversations.
import type { AgentAsked, AgentMessage } from "@rehome/client";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "../session";
import { type Blocked, blockedBy } from "./blocks";
import { messagesKey } from "./useLiveAnswers";

// setTimeout runs at once past ~24.8 days, and a monthly budget may renew further away than that.
const MAX_TIMER_MS = 2 ** 31 - 1;
const BLOCKED_KEY = ["agent-blocked"];

export function useAsk(threadId: string) {
  const queries = useQueryClient();
  const blocked =
    useQuery<Blocked | null>({
      queryKey: BLOCKED_KEY,
      queryFn: () => null,
      initialData: null,
      staleTime: Number.POSITIVE_INFINITY,
    }).data ?? undefined;
  const ask = useMutation({
    mutationFn: (content: string) => api.agent.ask(threadId, { content }),
    onSuccess: async (asked: AgentAsked) => {
      setBlocked(queries, undefined);
      // A thread's first question names it: the lists show the new title.
      void queries.invalidateQueries({ queryKey: ["agent-threads"] });
      // A load of the thread still in flight would land after these and drop them.
      await queries.cancelQueries({ queryKey: messagesKey(threadId) });
      queries.setQueryData<{ items: AgentMessage[] }>(messagesKey(threadId), (old) => ({
        items: [
          ...(old?.items ?? []).filter(
            (m) => m.id !== asked.userMessage.id && m.id !== asked.assistantMessage.id,
          ),
          asked.userMessage,
          asked.assistantMessage,
        ],
      }));
      // A thread's first question names it: the lists show the new title.
      await queries.invalidateQueries({ queryKey: ["agent-threads"] });
    },
    onError: (error) => {
      const block = blockedBy(error);
      if (block) setBlocked(queries, block);
    },
  });

  // A time-limited block lifts itself.
  useEffect(() => {
    if (!blocked?.until) return;
    const wait = Math.max(0, blocked.until - Date.now());
    if (wait > MAX_TIMER_MS) return;
    const timer = setTimeout(() => setBlocked(queries, undefined), wait);
    return () => clearTimeout(timer);
  }, [blocked, queries]);

  /** Lets the person try once more (an outage without a known end). */
  const unblock = () => setBlocked(queries, undefined);
  return { ask, blocked, unblock };
}

const setBlocked = (queries: QueryClient, block: Blocked | undefined) =>
  queries.setQueryData<Blocked | null>(BLOCKED_KEY, block ?? null);
