// The bell in the header: the unread count (live), and a panel of recent notifications that
// open what they are about and are marked read on the way.
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ListStates } from "../components/States";
import { When } from "../components/When";
import { linkOf, useNotifications } from "./useNotifications";

export function NotificationBell({ userId }: { userId: string }) {
  const { recent, items, unread, read, readAll } = useNotifications(userId);
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const panel = useRef<HTMLDivElement>(null);

  // Clicking elsewhere or pressing Escape closes the panel.
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !panel.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={panel} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen(!open)}
        className="relative grid size-9 place-items-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            data-testid="unread-count"
            className="absolute -top-0.5 -right-0.5 grid min-w-5 place-items-center rounded-full bg-red-600 px-1 text-[11px] font-semibold text-white"
          >
            {unread > 29 ? "30+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id="notifications-panel"
          role="region"
          aria-label="Notifications"
          className="absolute right-0 z-30 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                className="text-xs text-emerald-800 underline"
                onClick={() => readAll.mutate()}
              >
                Mark all read
              </button>
            )}
          </div>
          <div className="max-h-96 overflow-y-auto p-2">
            <ListStates list={recent} what="notifications" count={items.length} empty="Nothing new." />
            <ul className="space-y-1">
              {items.map((note) => (
                <li key={note.id}>
                  <button
                    type="button"
                    data-testid="notification"
                    onClick={() => {
                      if (!note.readAt) read.mutate(note.id);
                      setOpen(false);
                      navigate(linkOf(note));
                    }}
                    className={`block w-full rounded-md px-2 py-2 text-left text-sm hover:bg-slate-50 ${note.readAt ? "text-slate-600" : "bg-sky-50 font-medium text-slate-900"}`}
                  >
                    {note.text}
                    <When iso={note.createdAt} className="mt-0.5 block text-xs font-normal text-slate-500" />
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
