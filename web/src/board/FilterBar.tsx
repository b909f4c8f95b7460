// The board's filter controls; every change is written to the URL (?q=, ?mine=1, ?overdue=1).
import { useSearchParams } from "react-router";
import { ui } from "../components/ui";
import { readFilter } from "./filters";

export function FilterBar({ shown, total }: { shown: number; total: number }) {
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const set = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const toggle = (key: "mine" | "overdue", label: string) => (
    <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
      <input
        type="checkbox"
        checked={filter[key]}
        onChange={(event) => set(key, event.target.checked ? "1" : undefined)}
        className="size-4 accent-emerald-700"
      />
      {label}
    </label>
  );
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2" role="search" aria-label="Filter tasks">
      <label className="sr-only" htmlFor="task-filter">
        Filter tasks
      </label>
      <input
        id="task-filter"
        type="search"
        value={filter.text}
        onChange={(event) => set("q", event.target.value || undefined)}
        placeholder="Filter by title or label…"
        className={`${ui.field} max-w-64`}
      />
      {toggle("mine", "Assigned to me")}
      {toggle("overdue", "Overdue")}
      {shown !== total && (
        <span className="text-sm text-slate-500" role="status">
          Showing {shown} of {total}
        </span>
      )}
    </div>
  );
}
