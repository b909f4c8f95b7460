// The schedule as a timeline: weeks across, a row per dated task under its group's heading, today
// marked, overdue bars red. A bar the person may edit moves by whole days: dragged with a pointer,
// or with the arrow keys while focused. The timeline scrolls inside its own box, never the page.
import type { TaskInfo } from "@rehome/client";
import { isOverdue } from "@rehome/core/task/due";
import { Fragment, type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from "react";
import { dayOf } from "../components/When";
import { daysBetween, type Group, spanOf, statusLabel, weeksOf } from "./timeline";

const DAY_PX = 22;
const WEEK_PX = DAY_PX * 7;
/** Enough weeks to fill a laptop's width when the schedule is short. */
const MIN_WEEKS = 6;
/** Narrower bars show no text (the row names the task; the bar's name still says it all). */
const LABELLED_PX = 90;

interface Props {
  groups: Group[];
  today: string;
  nameOf: (id: string) => string;
  mayMove: (task: TaskInfo) => boolean;
  onMove: (task: TaskInfo, days: number) => void;
  onOpen: (task: TaskInfo) => void;
}

export function Timeline({ groups, today, nameOf, mayMove, onMove, onOpen }: Props) {
  const spans = groups.flatMap((g) => g.tasks.flatMap((t) => spanOf(t) ?? []));
  const weeks = weeksOf(spans, today, MIN_WEEKS);
  const first = weeks[0] ?? today;
  const width = weeks.length * WEEK_PX;
  // The middle of today's column: a bar that covers today is crossed by the line.
  const todayLeft = (daysBetween(first, today) + 0.5) * DAY_PX;
  const box = useRef<HTMLElement>(null);
  // Open on this week, once: earlier weeks are a scroll back (the sticky task names stay in view).
  useEffect(() => {
    if (box.current) box.current.scrollLeft = Math.max(0, todayLeft - 7 * DAY_PX);
  }, []);
  return (
    // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
    <section
      ref={box}
      aria-label="Timeline"
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-slate-200 bg-white"
      data-testid="timeline"
    >
      <div
        className="grid grid-cols-[9rem_auto] sm:grid-cols-[14rem_auto]"
        style={{ minWidth: "fit-content" }}
      >
        <div className="sticky left-0 z-20 border-b border-slate-200 bg-white px-2 py-1 text-xs font-medium text-slate-600">
          Task
        </div>
        <div className="relative flex h-11 border-b border-slate-200" style={{ width }} aria-hidden="true">
          {weeks.map((week) => (
            <div
              key={week}
              className="shrink-0 border-l border-slate-100 px-1 py-1 text-xs text-slate-600"
              style={{ width: WEEK_PX }}
            >
              {shortDay(week)}
            </div>
          ))}
          <span
            className="absolute bottom-0 -translate-x-1/2 rounded-t bg-emerald-700 px-1 text-[10px] font-medium text-white"
            style={{ left: todayLeft }}
          >
            Today
          </span>
        </div>
        {groups.map((group) => (
          <Fragment key={group.key}>
            {/* The heading spans the row; its words stay in view while the weeks scroll. */}
            <h3 className="col-span-2 border-b border-slate-100 bg-slate-50 py-1 text-sm font-semibold text-slate-800">
              <span className="sticky left-0 px-2">
                {group.label} <span className="font-normal text-slate-600">({group.tasks.length})</span>
              </span>
            </h3>
            {group.tasks.map((task) => (
              <Row
                key={task.id}
                task={task}
                first={first}
                width={width}
                today={today}
                todayLeft={todayLeft}
                who={task.assigneeId ? nameOf(task.assigneeId) : "Unassigned"}
                movable={mayMove(task)}
                onMove={onMove}
                onOpen={onOpen}
              />
            ))}
          </Fragment>
        ))}
      </div>
    </section>
  );
}

interface RowProps {
  task: TaskInfo;
  first: string;
  width: number;
  today: string;
  todayLeft: number;
  who: string;
  movable: boolean;
  onMove: (task: TaskInfo, days: number) => void;
  onOpen: (task: TaskInfo) => void;
}

function Row({ task, first, width, today, todayLeft, who, movable, onMove, onOpen }: RowProps) {
  const span = spanOf(task);
  const drag = useRef<{ x: number; moved: boolean }>(undefined);
  // A drag ends with a click on the same bar: that click must not open the task.
  const dragged = useRef(false);
  const [offset, setOffset] = useState(0);
  if (!span) return null;
  const overdue = isOverdue(task, today);
  const left = daysBetween(first, span.start) * DAY_PX;
  const days = daysBetween(span.start, span.end) + 1;

  // A drag shows where the bar would land; letting go moves it by the whole days dragged.
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    if (!movable || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    if (!drag.current) return;
    const dx = e.clientX - drag.current.x;
    if (Math.abs(dx) > 3) drag.current.moved = true;
    setOffset(Math.round(dx / DAY_PX));
  };
  const onPointerUp = () => {
    const moved = Boolean(drag.current?.moved);
    dragged.current = moved;
    drag.current = undefined;
    setOffset(0);
    if (moved && offset !== 0) onMove(task, offset);
  };
  const onClick = () => {
    if (!dragged.current) onOpen(task);
    dragged.current = false;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!movable || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
    e.preventDefault();
    onMove(task, (e.key === "ArrowRight" ? 1 : -1) * (e.shiftKey ? 7 : 1));
  };

  const dates = span.start === span.end ? dayOf(span.end) : `${dayOf(span.start)} to ${dayOf(span.end)}`;
  return (
    <>
      <div
        className="sticky left-0 z-10 truncate border-b border-slate-100 bg-white px-2 py-2 text-sm"
        title={task.title}
      >
        {overdue && <span className="mr-1 font-medium text-red-800">Overdue</span>}
        {task.title}
      </div>
      <div className="relative border-b border-slate-100" style={{ width }}>
        <div
          aria-hidden="true"
          className="absolute inset-y-0 w-0.5 bg-emerald-600"
          style={{ left: todayLeft }}
        />
        <button
          type="button"
          id={`bar-${task.id}`}
          data-testid="schedule-bar"
          data-start={span.start}
          aria-describedby={movable ? "schedule-move-help" : undefined}
          className={`absolute top-1.5 h-6 touch-none truncate rounded px-1.5 text-left text-xs font-medium text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-1 focus-visible:ring-slate-900 ${
            overdue ? "bg-red-700" : task.status === "done" ? "bg-slate-500" : "bg-emerald-700"
          } ${movable ? "cursor-grab active:cursor-grabbing" : ""}`}
          style={{ left: left + offset * DAY_PX, width: Math.max(days * DAY_PX, DAY_PX) }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = undefined;
            setOffset(0);
          }}
          onClick={onClick}
          onKeyDown={onKeyDown}
        >
          <span className={days * DAY_PX < LABELLED_PX ? "sr-only" : ""}>
            {overdue ? "Overdue · " : ""}
            {task.title}
          </span>
          <span className="sr-only">
            : {dates}. {statusLabel(task.status)}, {who}.
          </span>
        </button>
      </div>
    </>
  );
}

/** A week's Monday as "7 Dec". */
const shortDay = (day: string) => {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: "numeric", month: "short" });
};
