// The live text of a thread's streaming answers. Deltas are applied in seq order by the
// client's thread follower and rendered at most once per animation frame, however fast
// they arrive; a settled answer reloads the stored thread (status, citations).
import type { AgentMessage, Checkpoint } from "@rehome/client";
import { followThread } from "@rehome/client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useRealtime } from "../session";

export const messagesKey = (threadId: string) => ["agent-messages", threadId] as const;

export function useLiveAnswers(threadId: string, messages: AgentMessage[] | undefined) {
  const realtime = useRealtime();
  const queries = useQueryClient();
  const [live, setLive] = useState<Record<string, Checkpoint>>({});
  const follower = useRef<ReturnType<typeof followThread>>(undefined);

  useEffect(() => {
    const latest: Record<string, Checkpoint> = {};
    let frame = 0;
    const render = () => {
      frame = 0;
      setLive({ ...latest });
    };
    const thread = followThread({
      realtime,
      threadId,
      onChange: (messageId, state) => {
        latest[messageId] = state;
        frame ||= requestAnimationFrame(render);
      },
      onSettled: () => queries.invalidateQueries({ queryKey: messagesKey(threadId) }),
    });
    follower.current = thread;
    setLive({});
    return () => {
      cancelAnimationFrame(frame);
      thread.stop();
      follower.current = undefined;
    };
  }, [realtime, queries, threadId]);

  // A page opened mid-answer (or a second tab) starts from the stored partial.
  useEffect(() => {
    for (const m of messages ?? [])
      if (m.role === "assistant" && m.status === "streaming")
        follower.current?.seed(m.id, { content: m.content, lastSeq: m.lastSeq });
  }, [messages]);

  return live;
}
