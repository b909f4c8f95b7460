// Drag-and-drop state of the board: which card is held and where it would land. The landing
// index counts the column's cards without the held one, as placeAt expects. A column that
// does not accept the held card (a move the person may not make) is never a target.
import type { TaskInfo, TaskStatus } from "@rehome/client";
import { useState } from "react";

export interface DropTarget {
  status: TaskStatus;
  index: number;
}

export function useDragAndDrop(
  onDrop: (task: TaskInfo, target: DropTarget) => void,
  accepts: (task: TaskInfo, status: TaskStatus) => boolean,
) {
  const [held, setHeld] = useState<TaskInfo>();
  const [target, setTarget] = useState<DropTarget>();
  const end = () => {
    setHeld(undefined);
    setTarget(undefined);
  };
  return {
    held,
    target,
    start: setHeld,
    end,
    accepts: (status: TaskStatus) => held !== undefined && accepts(held, status),
    over: (next: DropTarget) => {
      if (next.status !== target?.status || next.index !== target.index) setTarget(next);
    },
    drop() {
      if (held && target) onDrop(held, target);
      end();
    },
  };
}

export type DragAndDrop = ReturnType<typeof useDragAndDrop>;
