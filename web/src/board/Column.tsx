// One status column: its cards in order, and the drop zone that works out where a dragged
// card would land (above or below the card under the pointer, or at the end).
import type { TaskInfo } from "@rehome/client";
import type { COLUMNS } from "./positions";
import { type Direction, TaskCard } from "./TaskCard";
import type { DragAndDrop } from "./useDragAndDrop";

interface Props {
  column: (typeof COLUMNS)[number];
  cards: TaskInfo[];
  dnd: DragAndDrop;
  today: string;
  me: string | undefined;
  nameOf: (userId: string | null) => string | undefined;
  /** Whether the person may drag or step this card anywhere. */
  movable: (task: TaskInfo) => boolean;
  onOpen: (task: TaskInfo) => void;
  onStep: (task: TaskInfo, direction: Direction) => void;
}

export function Column({ column, cards, dnd, today, me, nameOf, movable, onOpen, onStep }: Props) {
  const others = cards.filter((t) => t.id !== dnd.held?.id);
  const targeted = dnd.target?.status === column.status;
  const marker = targeted ? others[dnd.target?.index ?? -1]?.id : undefined;
  const atEnd = targeted && dnd.target?.index === others.length;
  return (
    <section
      aria-labelledby={`column-${column.status}`}
      data-testid={`column-${column.status}`}
      className={`flex min-h-24 flex-col sm:min-h-40 rounded-lg p-3 transition-colors ${targeted ? "bg-emerald-50" : "bg-slate-100"}`}
      onDragOver={(event) => {
        if (!dnd.accepts(column.status)) return;
        event.preventDefault();
        // Over the column's empty space: the end. Over a card, the card decides (below).
        if (event.target === event.currentTarget || !targeted)
          dnd.over({ status: column.status, index: others.length });
      }}
      onDrop={(event) => {
        event.preventDefault();
        dnd.drop();
      }}
    >
      <h2 id={`column-${column.status}`} className="mb-2 text-sm font-semibold text-slate-700">
        {column.label} <span className="font-normal text-slate-600">({cards.length})</span>
      </h2>
      <ul className="flex grow flex-col gap-2" aria-label={column.label}>
        {cards.map((task) => (
          <TaskCard
            key={task.id}
            task={task}
            today={today}
            movable={movable(task)}
            dragging={dnd.held?.id === task.id}
            dropBefore={marker === task.id}
            assignee={task.assigneeId === me ? "you" : nameOf(task.assigneeId)}
            onOpen={() => onOpen(task)}
            onStep={(direction) => onStep(task, direction)}
            onDragStart={() => dnd.start(task)}
            onDragEnd={dnd.end}
            onDragOver={(event) => {
              if (!dnd.accepts(column.status) || task.id === dnd.held?.id) return;
              event.preventDefault();
              event.stopPropagation();
              const box = event.currentTarget.getBoundingClientRect();
              const below = event.clientY > box.top + box.height / 2;
              dnd.over({
                status: column.status,
                index: others.findIndex((t) => t.id === task.id) + (below ? 1 : 0),
              });
            }}
          />
        ))}
        {atEnd && <li aria-hidden="true" className="h-0.5 rounded bg-emerald-500" />}
      </ul>
    </section>
  );
}
