// The realtime connection's state, for the badge in the header.
import type { ConnectionState } from "@rehome/client";
import { useEffect, useState } from "react";
import { useRealtime } from "../session";

export function useConnectionState(): ConnectionState {
  const realtime = useRealtime();
  const [state, setState] = useState(realtime.state());
  useEffect(() => realtime.onState(setState), [realtime]);
  return state;
}
