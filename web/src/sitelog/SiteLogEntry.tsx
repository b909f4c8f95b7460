// One day on the site log's timeline: the day, the weather, who was on site, the work done, any
// delay and its cause, and the day's photos as thumbnails that open the lightbox. Staff see
// whether the day is internal and may edit it.
import type { SiteLogInfo } from "@rehome/client";
import { dayInWords } from "@rehome/core/words";
import type { ReactNode } from "react";
import { ui } from "../components/ui";
import { InternalBadge } from "../components/Visibility";
import { PhotoList, usePhotoViewer } from "../files/Photos";

export const CAUSE_WORDS: Record<NonNullable<SiteLogInfo["delayCause"]>, string> = {
  weather: "Weather",
  materials: "Materials",
  inspection: "Inspection",
  client: "Client",
  crew: "Crew",
  other: "Other",
};

export function SiteLogEntry({ log, onEdit }: { log: SiteLogInfo; onEdit?: () => void }) {
  const viewer = usePhotoViewer(log.projectId, log.photos);
  const day = dayInWords(log.date);
  return (
    <article
      aria-label={`Site log, ${day}`}
      data-testid="site-log-day"
      className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold">
          <time dateTime={log.date}>{day}</time>
        </h2>
        {!log.clientVisible && <InternalBadge />}
        {onEdit && (
          <button type="button" className={`${ui.secondary} ml-auto py-1`} onClick={onEdit}>
            Edit<span className="sr-only"> the log of {day}</span>
          </button>
        )}
      </header>
      <dl className="mt-2 grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[8rem_1fr]">
        <Fact name="Weather">{log.weather}</Fact>
        <Fact name="On site">{log.crew.join(", ")}</Fact>
        <Fact name="Work done">{log.workDone}</Fact>
        <Fact name="Delays">
          {log.delays && `${log.delays}${log.delayCause ? ` (${CAUSE_WORDS[log.delayCause]})` : ""}`}
        </Fact>
      </dl>
      {log.photos.length > 0 && (
        <PhotoList
          aria-label={`Photos of ${day}`}
          projectId={log.projectId}
          photos={log.photos}
          onOpen={viewer.open}
          className="mt-3 flex flex-wrap gap-2"
          thumbClassName="size-24 sm:size-32"
        />
      )}
      <p className="mt-2 text-xs text-slate-500">Written by {log.updatedByName}</p>
      {viewer.lightbox}
    </article>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <>
      <dt className="font-medium text-slate-600">{name}</dt>
      <dd className="whitespace-pre-line text-slate-900 [overflow-wrap:anywhere]">{children}</dd>
    </>
  );
}
