// Who else has this project open right now, from the project's presence channel.
import type { Member } from "@rehome/client";
import { useEffect, useState } from "react";
import { useRealtime } from "../session";
import { release } from "./useChannel";

export function usePresence(projectId: string): Member[] {
  const realtime = useRealtime();
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    const channel = realtime.join(`projects.${projectId}`);
    const here = (list: Member[]) => setMembers(list);
    const joining = (member: Member) =>
      setMembers((all) => [...all.filter((m) => m.id !== member.id), member]);
    const leaving = (member: Member) => setMembers((all) => all.filter((m) => m.id !== member.id));
    channel.here(here).joining(joining).leaving(leaving);
    return () => {
      channel
        .stopListening("presence.here", here)
        .stopListening("presence.joining", joining)
        .stopListening("presence.leaving", leaving);
      release(realtime, channel);
    };
  }, [realtime, projectId]);
  return members;
}
