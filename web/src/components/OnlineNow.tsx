// The people who have this project open now, as initials with their names for screen readers.
import type { Member } from "@rehome/client";
import { usePresence } from "../hooks/usePresence";
import { useSession } from "../session";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

export function OnlineNow({ projectId }: { projectId: string }) {
  const me = useSession()?.id;
  const members = usePresence(projectId);
  const others = members.filter((m) => m.id !== me);
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600" data-testid="online-now">
      <ul className="flex -space-x-1.5" aria-label="Online now">
        {others.slice(0, 5).map((m: Member) => (
          <li
            key={m.id}
            title={m.name}
            className="grid size-7 place-items-center rounded-full border-2 border-white bg-sky-100 font-medium text-sky-900"
          >
            <span aria-hidden="true">{initials(m.name)}</span>
            <span className="sr-only">{m.name}</span>
          </li>
        ))}
      </ul>
      <span>
        {others.length === 0 ? "Only you here" : `${others.length} other${others.length > 1 ? "s" : ""} here`}
      </span>
    </div>
  );
}
