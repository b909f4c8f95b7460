// Whether clients see an item, as staff see and change it: the "Internal" badge, the one-click
// toggle, and the choice offered when creating an item. Clients never see any of these: internal
// items do not reach them at all.
import { useState } from "react";
import { ui } from "./ui";

export function InternalBadge() {
  return (
    <span
      className="inline-flex items-center rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
      title="Only staff see this; the client does not."
    >
      Internal
    </span>
  );
}

/** Flips an item between internal and client-visible. `about` names the item in a list of many. */
export function VisibilityToggle({
  visible,
  about,
  pending,
  onToggle,
  className = `${ui.secondary} py-1`,
}: {
  visible: boolean;
  about?: string;
  pending: boolean;
  onToggle: (visible: boolean) => void;
  className?: string;
}) {
  const label = visible ? "Make internal" : "Share with client";
  return (
    <button
      type="button"
      className={className}
      aria-label={about ? `${label}: ${about}` : undefined}
      disabled={pending}
      onClick={() => onToggle(!visible)}
    >
      {label}
    </button>
  );
}

/** The visibility of an item about to be created; starts at the project's default. */
export function VisibilityChoice({
  visible,
  onChange,
}: {
  visible: boolean;
  onChange: (visible: boolean) => void;
}) {
  return (
    <label className="inline-flex items-center gap-1.5 text-sm whitespace-nowrap text-slate-700">
      <input
        type="checkbox"
        checked={visible}
        onChange={(event) => onChange(event.target.checked)}
        className="size-4 accent-emerald-700"
      />
      Visible to client
    </label>
  );
}

/** The choice for the next new item: the project's default until the person picks. */
export function useVisibilityChoice(byDefault: boolean) {
  const [chosen, setChosen] = useState<boolean>();
  return [chosen ?? byDefault, setChosen] as const;
}
