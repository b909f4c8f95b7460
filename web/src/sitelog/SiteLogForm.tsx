// Staff write a day's log: the day (today unless they pick an earlier one), the weather, who was
// on site (one per line), the work done, any delay and its cause, photos uploaded as the message
// composer does, and whether the client sees the day. Writing a day that has a log edits it.
import type { SiteLogInfo } from "@rehome/client";
import { type FormEvent, useState } from "react";
import { SelectField, TextAreaField, TextField } from "../components/Field";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { VisibilityChoice } from "../components/Visibility";
import { AttachedPhotos, PhotoPicker, usePhotoAttach } from "../files/PhotoAttach";
import { CAUSE_WORDS } from "./SiteLogEntry";
import type { DayInput } from "./useSiteLog";

// Mirrors the API's limit (SiteLog.MAX_PHOTOS), only to stop offering more; the API decides.
const MAX_PHOTOS = 20;

export function SiteLogForm({
  projectId,
  date,
  today,
  log,
  visibleByDefault,
  pending,
  error,
  onDate,
  onSave,
}: {
  projectId: string;
  date: string;
  today: string;
  /** The day's log when it has one: the form edits it. */
  log?: SiteLogInfo;
  visibleByDefault: boolean;
  pending: boolean;
  error: unknown;
  onDate: (date: string) => void;
  onSave: (input: DayInput) => void;
}) {
  const [visible, setVisible] = useState(log?.clientVisible ?? visibleByDefault);
  const attach = usePhotoAttach(projectId, MAX_PHOTOS, log?.photos);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const cause = text("delayCause");
    onSave({
      weather: text("weather"),
      crew: text("crew")
        .split(/\n|,/)
        .map((name) => name.trim())
        .filter(Boolean),
      workDone: text("workDone"),
      delays: text("delays"),
      delayCause: cause ? (cause as keyof typeof CAUSE_WORDS) : null,
      photos: attach.attached.map((photo) => photo.id),
      clientVisible: visible,
    });
  };
  return (
    <form
      aria-label={log ? "Edit the day's log" : "Write the day's log"}
      onSubmit={submit}
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 sm:p-4"
    >
      <TextField
        label="Day"
        type="date"
        name="date"
        value={date}
        max={today}
        required
        onChange={(event) => event.target.value && onDate(event.target.value)}
      />
      <TextField
        label="Weather"
        name="weather"
        defaultValue={log?.weather}
        maxLength={200}
        placeholder="Dry, 14°C"
      />
      <TextAreaField
        label="Crew on site"
        help="One name per line"
        name="crew"
        rows={3}
        defaultValue={log?.crew.join("\n")}
      />
      <TextAreaField
        label="Work done"
        name="workDone"
        rows={3}
        defaultValue={log?.workDone}
        maxLength={10_000}
      />
      <TextAreaField
        label="Delays"
        help="What held work up, and why"
        name="delays"
        rows={2}
        defaultValue={log?.delays}
        maxLength={5_000}
      />
      <SelectField label="Cause of delay" name="delayCause" defaultValue={log?.delayCause ?? ""}>
        <option value="">None</option>
        {Object.entries(CAUSE_WORDS).map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <AttachedPhotos attach={attach} />
        <PhotoPicker attach={attach} clientVisible={visible} />
        <VisibilityChoice visible={visible} onChange={setVisible} />
        <button type="submit" className={`${ui.primary} ml-auto`} disabled={pending || attach.uploading}>
          {log ? "Save the day's log" : "Write the day's log"}
        </button>
      </div>
      {error ? (
        <div className="sm:col-span-2">
          <Failed error={error} />
        </div>
      ) : null}
    </form>
  );
}
