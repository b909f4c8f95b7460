// Asking a question: the 202's user and assistant messages go straight into the cache (the
// answer then streams in), and a refusal by limits or budget becomes a clear blocked state.
import { type AgentAsked, type AgentMessage, ApiError } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../session";
import { messagesKey } from "./useLiveAnswers";

export interface Blocked {
  message: string;
  /** When asking is allowed again (ms epoch); absent when only an admin can lift it. */
  until?: number;
}

export function useAsk(threadId: string) {
  const queries = useQueryClient();
  const [blocked, setBlocked] = useState<Blocked>();
  const ask = useMutation({
    mutationFn: (content: string) => api.agent.ask(threadId, { content }),
    onSuccess: (asked: AgentAsked) => {
      setBlocked(undefined);
      queries.setQueryData<{ items: AgentMessage[] }>(messagesKey(threadId), (old) => ({
        items: [
          ...(old?.items ?? []).filter(
            (m) => m.id !== asked.userMessage.id && m.id !== asked.assistantMessage.id,
          ),
          asked.userMessage,
          asked.assistantMessage,
        ],
      }));
    },
    onError: (error) => {
      const block = blockedBy(error);
      if (block) setBlocked(block);
    },
  });

  // A time-limited block lifts itself.
  useEffect(() => {
    if (!blocked?.until) return;
    const timer = setTimeout(() => setBlocked(undefined), Math.max(0, blocked.until - Date.now()));
    return () => clearTimeout(timer);
  }, [blocked]);

  return { ask, blocked };
}

/** 429 (rate limit or spent budget) and 503 (assistant off) block asking; other errors do not. */
function blockedBy(error: unknown): Blocked | undefined {
  if (!(error instanceof ApiError) || (error.status !== 429 && error.status !== 503)) return undefined;
  return {
    message: error.message,
    until: error.retryAfter ? Date.now() + error.retryAfter * 1000 : undefined,
  };
}
