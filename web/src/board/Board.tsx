// The task board: a column per status, cards in position order, live changes from others.
// Moves by drag and drop or by Alt + arrow keys, announced to screen readers; ?task=ID
// opens a task in the drawer, so citations and links can point at one task.
import type { TaskInfo, TaskStatus } from "@rehome/client";
import { useEffect, useRef, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { Failed, Loading } from "../components/States";
import { NewTask } from "./NewTask";
import { COLUMNS, columnOf, placeAt, step } from "./positions";
import { type Direction, TaskCard } from "./TaskCard";
import { TaskDrawer } from "./TaskDrawer";
import { useMoveTask, useTasks } from "./useTasks";

interface Target {
  status: TaskStatus;
  /** Index among the column's other cards. */
  index: number;
}

export function Board() {
  const { projectId = "" } = useParams();
  const tasks = useTasks(projectId);
  const move = useMoveTask(projectId);
  const [params, setParams] = useSearchParams();
  const [dragging, setDragging] = useState<TaskInfo>();
  const [target, setTarget] = useState<Target>();
  const [announcement, setAnnouncement] = useState("");
  const refocus = useRef<string>(undefined);

  // A card moved by keyboard is re-rendered in its new place: give it the focus back.
  useEffect(() => {
    if (!refocus.current) return;
    document.getElementById(`task-${refocus.current}`)?.focus();
    refocus.current = undefined;
  });

  if (tasks.isPending) return <Loading what="tasks" />;
  if (tasks.isError) return <Failed error={tasks.error} retry={() => tasks.refetch()} />;
  const all = tasks.data;
  const today = new Date().toLocaleDateString("en-CA");
  const open = all.find((t) => t.id === params.get("task"));

  const moveTo = (task: TaskInfo, to: { status: TaskStatus; position: number }) => {
    move.mutate({ task, to });
    const column = COLUMNS.find((c) => c.status === to.status)?.label;
    const place = columnOf([...all.filter((t) => t.id !== task.id), { ...task, ...to }], to.status);
    const index = place.findIndex((t) => t.id === task.id) + 1;
    setAnnouncement(`${task.title} moved to ${column}, position ${index} of ${place.length}.`);
  };
  const onStep = (task: TaskInfo, direction: Direction) => {
    const to = step(all, task, direction);
    if (!to) return;
    refocus.current = task.id;
    moveTo(task, to);
  };
  const onDrop = () => {
    if (dragging && target) {
      const from = columnOf(all, dragging.status).findIndex((t) => t.id === dragging.id);
      const unchanged = dragging.status === target.status && target.index === from;
      if (!unchanged) moveTo(dragging, placeAt(all, dragging, target.status, target.index));
    }
    setDragging(undefined);
    setTarget(undefined);
  };

  return (
    <div>
      <NewTask projectId={projectId} />
      <p id="board-help" className="sr-only">
        Enter opens the task. Alt and the arrow keys move it between columns and up or down.
      </p>
      <p aria-live="polite" className="sr-only" data-testid="board-announcement">
        {announcement}
      </p>
      {move.isError && <Failed error={move.error} />}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {COLUMNS.map((column) => {
          const cards = columnOf(all, column.status);
          const others = cards.filter((t) => t.id !== dragging?.id);
          const marker = target?.status === column.status ? others[target.index]?.id : undefined;
          const atEnd = target?.status === column.status && target.index === others.length;
          return (
            <section
              key={column.status}
              aria-labelledby={`column-${column.status}`}
              data-testid={`column-${column.status}`}
              className={`flex min-h-40 flex-col rounded-lg p-3 transition-colors ${target?.status === column.status ? "bg-emerald-50" : "bg-slate-100"}`}
              onDragOver={(event) => {
                if (!dragging) return;
                event.preventDefault();
                if (event.target === event.currentTarget || !target || target.status !== column.status)
                  setTarget({ status: column.status, index: others.length });
              }}
              onDrop={(event) => {
                event.preventDefault();
                onDrop();
              }}
            >
              <h2 id={`column-${column.status}`} className="mb-2 text-sm font-semibold text-slate-700">
                {column.label} <span className="font-normal text-slate-500">({cards.length})</span>
              </h2>
              <ul className="flex grow flex-col gap-2" aria-label={column.label}>
                {cards.map((task) => (
                  <TaskCard
                    key={task.id}
                    task={task}
                    today={today}
                    dragging={dragging?.id === task.id}
                    dropBefore={marker === task.id}
                    onOpen={() => setParams({ task: task.id })}
                    onStep={(direction) => onStep(task, direction)}
                    onDragStart={() => setDragging(task)}
                    onDragEnd={() => {
                      setDragging(undefined);
                      setTarget(undefined);
                    }}
                    onDragOver={(event) => {
                      if (!dragging || task.id === dragging.id) return;
                      event.preventDefault();
                      event.stopPropagation();
                      const box = event.currentTarget.getBoundingClientRect();
                      const below = event.clientY > box.top + box.height / 2;
                      const index = others.findIndex((t) => t.id === task.id) + (below ? 1 : 0);
                      setTarget({ status: column.status, index });
                    }}
                  />
                ))}
                {atEnd && <li aria-hidden="true" className="h-0.5 rounded bg-emerald-500" />}
              </ul>
            </section>
          );
        })}
      </div>
      {open && <TaskDrawer task={open} onClose={() => setParams({})} />}
    </div>
  );
}
