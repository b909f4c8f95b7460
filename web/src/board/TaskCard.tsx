// One card on the board: title, due date (red when overdue), priority, labels and, for staff,
// whether it is internal. Click or Enter opens it; Alt + arrow keys move it and it can be
// dragged, when the person may move it.
import type { TaskInfo } from "@rehome/client";
import { isOverdue } from "@rehome/core/task/due";
import { PRIORITY_WORDS } from "@rehome/core/words";
import type { DragEvent, KeyboardEvent } from "react";
import { InternalBadge } from "../components/Visibility";
import { Day } from "../components/When";

const KEYS = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" } as const;
export type Direction = (typeof KEYS)[keyof typeof KEYS];

const PRIORITY_TONE: Record<TaskInfo["priority"], string> = {
  low: "bg-slate-100 text-slate-700",
  medium: "bg-sky-50 text-sky-800",
  high: "bg-amber-50 text-amber-900",
  urgent: "bg-red-50 text-red-800",
};

interface Props {
  task: TaskInfo;
  today: string;
  movable: boolean;
  dragging: boolean;
  /** Shows where a dragged card would land. */
  dropBefore: boolean;
  /** The assignee's name, "you" for the viewer. */
  assignee: string | undefined;
  onOpen: () => void;
  onStep: (direction: Direction) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDragOver: (event: DragEvent<HTMLLIElement>) => void;
}

export function TaskCard(props: Props) {
  const { task, today, movable, dragging, dropBefore, assignee, onOpen, onStep } = props;
  const overdue = isOverdue(task, today);
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = KEYS[event.key as keyof typeof KEYS];
    if (!movable || !event.altKey || !direction) return;
    event.preventDefault();
    onStep(direction);
  };
  return (
    <li
      draggable={movable}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", task.id);
        props.onDragStart();
      }}
      onDragEnd={props.onDragEnd}
      onDragOver={props.onDragOver}
      data-testid="task-card"
      className={`rounded-md border border-slate-200 bg-white shadow-sm ${dragging ? "opacity-40" : ""} ${dropBefore ? "shadow-[0_-4px_0_0_var(--color-emerald-500)]" : ""}`}
    >
      <button
        type="button"
        id={`task-${task.id}`}
        onClick={onOpen}
        onKeyDown={onKeyDown}
        aria-describedby={movable ? "board-help board-move-help" : "board-help"}
        className={`block w-full rounded-md p-3 text-left text-sm ${movable ? "cursor-grab" : "cursor-pointer"}`}
      >
        <span className="block font-medium [overflow-wrap:anywhere]">{task.title}</span>
        <span className="mt-2 flex flex-wrap items-center gap-1.5 text-xs">
          {!task.clientVisible && <InternalBadge />}
          <span className={`rounded px-1.5 py-0.5 ${PRIORITY_TONE[task.priority]}`}>
            {PRIORITY_WORDS[task.priority]}
          </span>
          {task.dueDate && (
            <span className={overdue ? "font-medium text-red-700" : "text-slate-500"}>
              {overdue ? "Overdue · " : "Due "}
              <Day day={task.dueDate} />
            </span>
          )}
          {assignee && (
            <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">{assignee}</span>
          )}
          {task.labels.map((label) => (
            <span
              key={label}
              className="rounded bg-violet-50 px-1.5 py-0.5 text-violet-800 [overflow-wrap:anywhere]"
            >
              {label}
            </span>
          ))}
        </span>
      </button>
    </li>
  );
}
