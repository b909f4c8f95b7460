// The header row of the app's data tables: column names, plus an unnamed (screen-reader
// labelled) column for the row's buttons.
export function TableHead({ columns, cell = "px-4" }: { columns: string[]; cell?: string }) {
  return (
    <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
      <tr>
        {columns.map((name) => (
          <th key={name} className={`${cell} py-2 font-medium`}>
            {name}
          </th>
        ))}
        {/* relative: the sr-only name stays inside a table that scrolls sideways, not past the page. */}
        <th className={`${cell} relative py-2`}>
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
