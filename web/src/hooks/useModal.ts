// A <dialog> shown as a modal while its component is mounted: focus is kept inside and the page
// behind is inert; on unmount it closes and the focus returns to whatever opened it.
import { useEffect, useRef } from "react";

export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return ref;
}
