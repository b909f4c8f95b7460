// Staff share the project's schedule with calendar apps: "Copy calendar link" makes a new secret
// .ics link (replacing the earlier one) and copies it; "Revoke" stops every link of the project.
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { api } from "../session";

export function CalendarLink({ projectId }: { projectId: string }) {
  const internalId = useId();
  const [includeInternal, setIncludeInternal] = useState(false);
  const [note, setNote] = useState("");
  const [url, setUrl] = useState("");
  const share = useMutation({
    mutationFn: () => api.calendar.share(projectId, { includeInternal }),
    onSuccess: async ({ url }) => {
      setUrl(url);
      // The clipboard may be refused (no permission, insecure origin): the link is shown anyway.
      const copied = await navigator.clipboard?.writeText(url).then(
        () => true,
        () => false,
      );
      setNote(
        `${copied ? "Link copied." : "Copy the link below."} It replaces any earlier calendar link of this project.`,
      );
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.calendar.revoke(projectId),
    onSuccess: () => {
      setUrl("");
      setNote("Calendar links of this project no longer work.");
    },
  });
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={ui.secondary}
          disabled={share.isPending}
          onClick={() => share.mutate()}
        >
          Copy calendar link
        </button>
        <button
          type="button"
          className={ui.danger}
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
        >
          Revoke
        </button>
        <label htmlFor={internalId} className="flex items-center gap-2 text-sm text-slate-700">
          <input
            id={internalId}
            type="checkbox"
            checked={includeInternal}
            onChange={(e) => setIncludeInternal(e.target.checked)}
          />
          Include internal tasks
        </label>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {note}
      </p>
      {url && (
        <input
          aria-label="Calendar link"
          readOnly
          value={url}
          className={ui.field}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      {(share.isError || revoke.isError) && <Failed error={share.error ?? revoke.error} />}
    </div>
  );
}
