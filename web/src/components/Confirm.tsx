// Asking before a change that is hard to undo (deleting, changing what someone may do): a modal
// <dialog> in the app's words and look, like the drawer. Focus starts on Cancel and returns to
// the control that asked; Escape cancels.
import { type ReactNode, useCallback, useId, useState } from "react";
import { useModal } from "../hooks/useModal";
import { ui } from "./ui";

export interface Question {
  title: string;
  body?: ReactNode;
  /** The confirming button's words, e.g. "Deactivate". */
  confirm: string;
  /** Destructive: the confirming button is red. */
  danger?: boolean;
}

/** `ask(question)` resolves true if confirmed; render `dialog` somewhere in the component. */
export function useConfirm() {
  const [open, setOpen] = useState<Question & { answer: (yes: boolean) => void }>();
  const ask = useCallback(
    (question: Question) =>
      new Promise<boolean>((resolve) =>
        setOpen({
          ...question,
          answer: (yes) => {
            setOpen(undefined);
            resolve(yes);
          },
        }),
      ),
    [],
  );
  return { ask, dialog: open ? <ConfirmDialog {...open} /> : null };
}

function ConfirmDialog({
  title,
  body,
  confirm,
  danger,
  answer,
}: Question & { answer: (yes: boolean) => void }) {
  const ref = useModal();
  const titleId = useId();
  const bodyId = useId();
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={body ? bodyId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-5 shadow-xl backdrop:bg-slate-900/30"
    >
      <h2 id={titleId} className="font-semibold">
        {title}
      </h2>
      {body && (
        <div id={bodyId} className="mt-2 text-sm text-slate-600">
          {body}
        </div>
      )}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button type="button" className={ui.secondary} autoFocus onClick={() => answer(false)}>
          Cancel
        </button>
        <button type="button" className={danger ? ui.destructive : ui.primary} onClick={() => answer(true)}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
