// The task board: a column per status, cards in position order, live changes from others.
// Moves by drag and drop or by Alt + arrow keys, announced to screen readers, for the cards
// the person may move (a client: only their own tasks, to another column); ?task=ID opens a
// task in the drawer, so citations and links can point at one task; one that is gone says so.
// Filters that match nothing say that too, with the way back to every task.
import type { TaskInfo, TaskStatus } from "@rehome/client";
import { useEffect, useRef, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { Empty, Failed, Loading } from "../components/States";
import { localToday } from "../components/When";
import { useMembers } from "../hooks/useMembers";
import { usePermissions } from "../hooks/useProject";
import { useSession } from "../session";
import { Column } from "./Column";
import { FilterBar } from "./FilterBar";
import { matches, readFilter } from "./filters";
import { NewTask } from "./NewTask";
import { COLUMNS, columnOf, placeAt, step } from "./positions";
import type { Direction } from "./TaskCard";
import { TaskDrawer } from "./TaskDrawer";
import { useDragAndDrop } from "./useDragAndDrop";
import { useMoveTask, useTasks } from "./useTasks";

export function Board() {
  const { projectId = "" } = useParams();
  const tasks = useTasks(projectId);
  const move = useMoveTask(projectId);
  const { can } = usePermissions(projectId);
  const [params, setParams] = useSearchParams();
  const me = useSession()?.id;
  const { nameOf } = useMembers(projectId);
  const [announcement, setAnnouncement] = useState("");
  // The card a keyboard move should give the focus back to, once it shows in its new column.
  const refocus = useRef<{ id: string; status: TaskStatus }>(undefined);
  const today = localToday();
  // Columns, drops and keyboard steps all work on the cards in view.
  const inView = (tasks.data ?? []).filter((t) => matches(t, readFilter(params), me, today));

  // A move to another column changes the status; within one, only the order.
  const mayMove = (task: TaskInfo, to: TaskStatus) =>
    can("task", to === task.status ? "reorder" : "status", task);
  const moveTo = (task: TaskInfo, to: { status: TaskStatus; position: number }) => {
    if (!mayMove(task, to.status)) return;
    move.mutate({ task, to });
    const column = COLUMNS.find((c) => c.status === to.status)?.label;
    const place = columnOf([...inView.filter((t) => t.id !== task.id), { ...task, ...to }], to.status);
    const index = place.findIndex((t) => t.id === task.id) + 1;
    setAnnouncement(`${task.title} moved to ${column}, position ${index} of ${place.length}.`);
  };
  const dnd = useDragAndDrop((task, target) => {
    const from = columnOf(inView, task.status).findIndex((t) => t.id === task.id);
    if (task.status !== target.status || target.index !== from)
      moveTo(task, placeAt(inView, task, target.status, target.index));
  }, mayMove);
  const onStep = (task: TaskInfo, direction: Direction) => {
    const to = step(inView, task, direction);
    if (!to) return;
    refocus.current = { id: task.id, status: to.status };
    moveTo(task, to);
  };

  const clearFilters = () =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const key of ["q", "mine", "overdue"]) next.delete(key);
      return next;
    });

  const openTask = (taskId: string | undefined, options?: { replace: boolean }) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (taskId) next.set("task", taskId);
      else next.delete("task");
      return next;
    }, options);

  // A card moved by keyboard is re-rendered in its new place: give it the focus back once it is
  // there (the move's optimistic update may land a render later), and again should a later render
  // of the same move lose it, until the move is saved; a refused move stops the wait. Focus the
  // person moved elsewhere meanwhile is left alone.
  const movedTask = refocus.current && tasks.data?.find((t) => t.id === refocus.current?.id);
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    if (move.isError) {
      refocus.current = undefined;
      return;
    }
    const card = movedTask?.status === target.status ? document.getElementById(`task-${target.id}`) : null;
    if (!card) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) card.focus();
    if (!move.isPending) refocus.current = undefined;
  });

  // The open task left the board (deleted, or no longer shared with this person): close it for
  // good, so it does not reopen by itself should it come back.
  const openId = params.get("task");
  const gone = Boolean(openId && tasks.data && !tasks.data.some((t) => t.id === openId));
  const [goneNotice, setGoneNotice] = useState(false);
  useEffect(() => {
    if (!gone) return;
    setGoneNotice(true);
    openTask(undefined, { replace: true });
  });

  if (tasks.isPending) return <Loading what="tasks" />;
  if (tasks.isError) return <Failed error={tasks.error} retry={() => tasks.refetch()} />;
  const open = tasks.data.find((t) => t.id === openId);

  return (
    <div>
      {can("task", "create") && <NewTask projectId={projectId} />}
      <FilterBar shown={inView.length} total={tasks.data.length} />
      <p id="board-help" className="sr-only">
        Enter opens the task.
      </p>
      <p id="board-move-help" className="sr-only">
        Alt and the arrow keys move it between columns and up or down.
      </p>
      <p aria-live="polite" className="sr-only" data-testid="board-announcement">
        {announcement}
      </p>
      {goneNotice && (
        <div
          role="status"
          className="mb-4 flex items-start gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <p className="grow">That task was deleted, or it is no longer shared with you.</p>
          <button type="button" className="font-medium underline" onClick={() => setGoneNotice(false)}>
            Dismiss
          </button>
        </div>
      )}
      {move.isError && <Failed error={move.error} />}
      {inView.length === 0 && tasks.data.length > 0 ? (
        <Empty>
          No task matches these filters.{" "}
          <button type="button" className="font-medium text-emerald-800 underline" onClick={clearFilters}>
            Show all tasks
          </button>
        </Empty>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {COLUMNS.map((column) => (
            <Column
              key={column.status}
              column={column}
              cards={columnOf(inView, column.status)}
              dnd={dnd}
              today={today}
              me={me}
              nameOf={nameOf}
              movable={(task) => can("task", "status", task) || can("task", "reorder", task)}
              onOpen={(task) => openTask(task.id)}
              onStep={onStep}
            />
          ))}
        </div>
      )}
      {open && <TaskDrawer task={open} onClose={() => openTask(undefined)} />}
    </div>
  );
}
