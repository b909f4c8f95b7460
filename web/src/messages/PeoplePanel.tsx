// The project's people, each with their role on it and a dot when online now, beside the thread.
import { ROLE_WORDS } from "@rehome/core/words";
import type { Person } from "../hooks/useMembers";
import { usePresence } from "../hooks/usePresence";

export function PeoplePanel({ projectId, people }: { projectId: string; people: Person[] }) {
  const online = new Set(usePresence(projectId).map((m) => m.id));
  return (
    <aside aria-labelledby="people-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="people-title" className="mb-2 font-semibold">
        People
      </h2>
      <ul className="space-y-1.5 text-sm">
        {people.map((person) => (
          <li key={person.id} className="flex items-center gap-2">
            <span
              className={`size-2 shrink-0 rounded-full ${online.has(person.id) ? "bg-emerald-500" : "bg-slate-300"}`}
              title={online.has(person.id) ? "Online now" : "Not online"}
            />
            <span className="min-w-0 grow [overflow-wrap:anywhere]">
              {person.name}
              {online.has(person.id) && <span className="sr-only"> (online now)</span>}
            </span>
            <span className="text-xs text-slate-500">{ROLE_WORDS[person.role]}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
