// Shows whether live updates are flowing, so nobody trusts a stale board without knowing.
import type { ConnectionState } from "@rehome/client";
import { useConnectionState } from "../hooks/useConnectionState";

const LOOK: Record<ConnectionState, { label: string; tone: string }> = {
  connecting: { label: "Connecting…", tone: "bg-slate-100 text-slate-700" },
  connected: { label: "Live", tone: "bg-emerald-100 text-emerald-800" },
  reconnecting: { label: "Reconnecting…", tone: "bg-amber-100 text-amber-900" },
  disconnected: { label: "Offline", tone: "bg-red-100 text-red-800" },
};

export function ConnectionBadge() {
  const { label, tone } = LOOK[useConnectionState()];
  return (
    <span
      role="status"
      aria-label={`Live updates: ${label}`}
      className={`inline-flex items-center gap-1.5 rounded-full px-1.5 py-1 text-xs sm:px-2.5 sm:py-0.5 font-medium ${tone}`}
      data-testid="connection"
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {/* A phone's header has room for the dot only; the words stay for screen readers. */}
      <span className="max-sm:sr-only">{label}</span>
    </span>
  );
}
