// A project's Site log tab: the days on site as a timeline, newest first, with their photos.
// Staff write today's log (or an earlier day's) above it and see internal days marked; a client
// sees the days shared with them.
import { useState } from "react";
import { useParams } from "react-router";
import { ListStates, LoadMore } from "../components/States";
import { ui } from "../components/ui";
import { localToday } from "../components/When";
import { usePermissions } from "../hooks/useProject";
import { SiteLogEntry } from "./SiteLogEntry";
import { SiteLogForm } from "./SiteLogForm";
import { useSiteLog } from "./useSiteLog";

export function SiteLogTab() {
  const { projectId = "" } = useParams();
  const { list, write } = useSiteLog(projectId);
  const { can, visibleByDefault } = usePermissions(projectId);
  const today = localToday();
  const [date, setDate] = useState<string>();
  const writes = can("site_log", "write");
  const editing = (day: string) => () => {
    setDate(day);
    window.scrollTo({ top: 0 });
  };
  const log = date ? list.items.find((item) => item.date === date) : undefined;

  return (
    <section aria-label="Site log">
      {writes &&
        (date ? (
          <SiteLogForm
            key={`${date}-${log?.id ?? "new"}`}
            projectId={projectId}
            date={date}
            today={today}
            log={log}
            visibleByDefault={visibleByDefault}
            pending={write.isPending}
            error={write.error}
            onDate={setDate}
            onSave={(input) => write.mutate({ date, input }, { onSuccess: () => setDate(undefined) })}
          />
        ) : (
          <div className="mb-4">
            <button type="button" className={ui.primary} onClick={editing(today)}>
              {list.items.some((item) => item.date === today) ? "Edit today's log" : "Write today's log"}
            </button>
          </div>
        ))}
      <ListStates list={list} what="the site log" count={list.items.length} empty="No days logged yet." />
      <ol className="grid gap-3">
        {list.items.map((item) => (
          <li key={item.id}>
            <SiteLogEntry log={item} onEdit={writes ? editing(item.date) : undefined} />
          </li>
        ))}
      </ol>
      <LoadMore list={list} label="Earlier days" />
    </section>
  );
}
