// What a draft relies on, as links a person follows to check it before saving or posting: each
// cited message opens in the project's thread, each task in the board's drawer.
import { Link } from "react-router";

export function DraftSources({ projectId, citations }: { projectId: string; citations: string[] }) {
  const counts = { task: 0, message: 0 };
  const cited = citations.flatMap((c) => {
    const [kind, id] = c.split(":");
    if (!id || (kind !== "message" && kind !== "task")) return [];
    const href =
      kind === "task"
        ? `/projects/${projectId}/board?task=${id}`
        : `/projects/${projectId}/messages?message=${id}`;
    return [{ key: c, label: `${kind} ${++counts[kind]}`, href }];
  });
  if (cited.length === 0)
    return <p className="text-sm text-slate-600">The draft cites nothing: check it closely.</p>;
  return (
    <div className="text-sm" aria-label="Drafted from">
      <span className="text-slate-600">Drafted from: </span>
      <ul className="inline">
        {cited.map((c, i) => (
          <li key={c.key} className="inline">
            {i > 0 && ", "}
            <Link to={c.href} className="text-emerald-800 underline">
              {c.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
