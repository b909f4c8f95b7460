// One message: author, time, the body with @mentions highlighted, its photos and files, edit/delete where the
// permission table allows (its author within the edit window; admins delete any, to moderate),
// and for staff whether it is internal, with the one-click switch; a checkbox while staff pick messages.
import type { MessageInfo } from "@rehome/client";
import { useEffect, useRef, useState } from "react";
import { ui } from "../components/ui";
import { InternalBadge, VisibilityToggle } from "../components/Visibility";
import { When } from "../components/When";
import type { Person } from "../hooks/useMembers";
import { messageSubject, type Permissions } from "../hooks/useProject";
import { Attachments } from "./Attachments";
import { MessageBody } from "./MessageBody";

// Mirrors the API's default MESSAGE_EDIT_WINDOW_MINUTES, only to hide buttons that would be
// refused; the API decides.
const EDIT_WINDOW_MS = 15 * 60_000;

interface Props {
  message: MessageInfo;
  permissions: Permissions;
  people: Person[];
  highlighted: boolean;
  onEdit: (body: string) => Promise<unknown>;
  onDelete: () => void;
  onShare: (clientVisible: boolean) => void;
  sharing: boolean;
  /** While staff pick messages to draft a change order from. */
  selection?: { selected: boolean; onToggle: () => void };
}

export function MessageItem(props: Props) {
  const { message, permissions, people, highlighted, onEdit, onDelete } = props;
  const [editing, setEditing] = useState(false);
  const recent = Date.now() - Date.parse(message.createdAt) < EDIT_WINDOW_MS;
  const { can, role } = permissions;
  const subject = messageSubject(message);
  const mayEdit = recent && can("message", "edit", subject);
  const mayDelete = (recent || role === "admin") && can("message", "delete", subject);
  const mayShare = can("message", "visibility", subject);
  const mentioned = people.filter((p) => message.mentions.includes(p.id));
  return (
    <li
      id={`message-${message.id}`}
      data-testid="message"
      aria-current={highlighted || undefined}
      className={`min-w-0 rounded-md border-l-2 px-3 py-2 ${message.clientVisible ? "border-transparent" : "border-amber-300"} ${highlighted ? "bg-amber-50 ring-1 ring-amber-300" : ""}`}
    >
      <p className="text-xs text-slate-500">
        {props.selection && (
          <input
            type="checkbox"
            className="mr-2 size-4 align-middle accent-emerald-700"
            aria-label={`Select the message of ${message.authorName || "someone"}`}
            checked={props.selection.selected}
            onChange={props.selection.onToggle}
          />
        )}
        <span className="font-medium text-slate-800">{message.authorName || "Someone"}</span>{" "}
        <When iso={message.createdAt} />
        {message.editedAt && " · edited"}
        {!message.clientVisible && (
          <>
            {" "}
            <InternalBadge />
          </>
        )}
      </p>
      {editing ? (
        <EditForm
          message={message}
          onSave={(body) => onEdit(body).then(() => setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      ) : (
        message.body && <MessageBody body={message.body} mentioned={mentioned} />
      )}
      <Attachments projectId={message.projectId} files={message.attachments} />
      {!editing && (mayEdit || mayDelete || mayShare) && (
        <div className="mt-1 flex flex-wrap items-center gap-3 text-xs">
          {mayEdit && (
            <button type="button" className="text-slate-600 underline" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {mayDelete && (
            <button type="button" className="text-red-700 underline" onClick={onDelete}>
              Delete
            </button>
          )}
          {mayShare && (
            <VisibilityToggle
              visible={message.clientVisible}
              pending={props.sharing}
              onToggle={props.onShare}
              className="text-emerald-800 underline disabled:opacity-60"
            />
          )}
        </div>
      )}
    </li>
  );
}

/**
 * Editing in place, like the composer: the box takes the focus with the caret at the end, Enter
 * saves (Shift+Enter for a new line), Escape cancels, and Save and Cancel sit under the box in view.
 */
function EditForm(props: {
  message: MessageInfo;
  onSave: (body: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { message, onSave, onCancel } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    box.closest("form")?.scrollIntoView({ block: "nearest" });
  }, []);
  const save = () => {
    const body = ref.current?.value.trim();
    // A refused edit stays open; the thread shows why.
    if (body) onSave(body).catch(() => undefined);
  };
  return (
    <form
      className="mt-1 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label className="sr-only" htmlFor={`edit-${message.id}`}>
        Edit message
      </label>
      <textarea
        ref={ref}
        id={`edit-${message.id}`}
        name="body"
        defaultValue={message.body}
        rows={3}
        maxLength={10_000}
        className={`${ui.field} resize-y`}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            save();
          } else if (event.key === "Escape") onCancel();
        }}
      />
      <div className="flex gap-2">
        <button type="submit" className={`${ui.primary} py-1`}>
          Save
        </button>
        <button type="button" className={`${ui.secondary} py-1`} onClick={onCancel}>
          Cancel
        </button>
        <span className="self-center text-xs text-slate-500">Enter saves · Esc cancels</span>
      </div>
    </form>
  );
}
