// A side panel over the page, built on <dialog>: focus is kept inside, Escape closes it and
// the focus returns to whatever opened it.
import type { ReactNode } from "react";
import { useModal } from "../hooks/useModal";
import { ui } from "./ui";

export function Drawer({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useModal();
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === ref.current && onClose()}
      className="m-0 ml-auto h-full max-h-none w-full max-w-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/30"
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
          <h2 className="font-semibold">{title}</h2>
          <button type="button" onClick={onClose} className={`${ui.secondary} py-1`} aria-label="Close">
            Close
          </button>
        </header>
        <div className="grow overflow-y-auto p-5">{children}</div>
      </div>
    </dialog>
  );
}
