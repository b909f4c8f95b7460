// "Ann is typing…": whispers on the project's presence channel, sent at most every few
// seconds while someone types and forgotten a little after the last one.
import type { Member, ProjectWhispers } from "@rehome/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { release } from "../hooks/useChannel";
import { useRealtime } from "../session";

const SEND_EVERY_MS = 2500;
const SHOW_FOR_MS = 4000;

export function useTyping(projectId: string) {
  const realtime = useRealtime();
  const [typing, setTyping] = useState<Member[]>([]);
  const lastSent = useRef(0);

  useEffect(() => {
    const channel = realtime.join(`projects.${projectId}`);
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const forget = (member: Member) => {
      clearTimeout(timers.get(member.id));
      timers.delete(member.id);
      setTyping((all) => all.filter((m) => m.id !== member.id));
    };
    const onTyping = ({ typing: on }: ProjectWhispers["typing"], from: Member) => {
      if (!on) return forget(from);
      clearTimeout(timers.get(from.id));
      timers.set(
        from.id,
        setTimeout(() => forget(from), SHOW_FOR_MS),
      );
      setTyping((all) => [...all.filter((m) => m.id !== from.id), from]);
    };
    channel.listenForWhisper("typing", onTyping);
    return () => {
      channel.stopListeningForWhisper("typing", onTyping);
      for (const timer of timers.values()) clearTimeout(timer);
      release(realtime, channel);
    };
  }, [realtime, projectId]);

  /** Call on every keystroke; whispers are throttled here. `false` when the message is sent. */
  const notify = useCallback(
    (on: boolean) => {
      const now = Date.now();
      if (on && now - lastSent.current < SEND_EVERY_MS) return;
      lastSent.current = on ? now : 0;
      const whisper: ProjectWhispers["typing"] = { typing: on };
      realtime.join(`projects.${projectId}`).whisper("typing", whisper);
    },
    [realtime, projectId],
  );
  return { typing, notify };
}
