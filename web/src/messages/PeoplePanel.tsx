// The project's people with who is online now, beside the thread.
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
              aria-hidden="true"
              className={`size-2 rounded-full ${online.has(person.id) ? "bg-emerald-500" : "bg-slate-300"}`}
            />
            <span className="grow">{person.name}</span>
            <span className="text-xs text-slate-500">{online.has(person.id) ? "online" : person.role}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
