// One message: author, time, the body with @mentions highlighted, edit/delete where the
// permission table allows (its author within the edit window; admins delete any, to moderate),
// and for staff whether it is internal, with the one-click switch.
import type { MessageInfo } from "@rehome/client";
import { useState } from "react";
import { ui } from "../components/ui";
import { InternalBadge, VisibilityToggle } from "../components/Visibility";
import type { Person } from "../hooks/useMembers";
import { messageSubject, type Permissions } from "../hooks/useProject";
import { withMentions } from "./mentions";

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
      className={`rounded-md border-l-2 px-3 py-2 ${message.clientVisible ? "border-transparent" : "border-amber-300"} ${highlighted ? "bg-amber-50 ring-1 ring-amber-300" : ""}`}
    >
      <p className="text-xs text-slate-500">
        <span className="font-medium text-slate-800">{message.authorName || "Someone"}</span>{" "}
        <time dateTime={message.createdAt}>{new Date(message.createdAt).toLocaleString()}</time>
        {message.editedAt && " · edited"}
        {!message.clientVisible && (
          <>
            {" "}
            <InternalBadge />
          </>
        )}
      </p>
      {editing ? (
        <form
          className="mt-1 flex gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const body = String(new FormData(event.currentTarget).get("body")).trim();
            if (body)
              await onEdit(body).then(
                () => setEditing(false),
                () => undefined,
              );
          }}
        >
          <label className="sr-only" htmlFor={`edit-${message.id}`}>
            Edit message
          </label>
          <textarea
            id={`edit-${message.id}`}
            name="body"
            defaultValue={message.body}
            rows={2}
            className={ui.field}
          />
          <div className="flex flex-col gap-1">
            <button type="submit" className={ui.primary}>
              Save
            </button>
            <button type="button" className={ui.secondary} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="mt-0.5 text-sm break-words whitespace-pre-wrap text-slate-900">
          {withMentions(message.body, mentioned).map((part, i) =>
            part.mention ? (
              <mark key={i} className="rounded bg-sky-100 px-0.5 text-sky-900">
                {part.text}
              </mark>
            ) : (
              part.text
            ),
          )}
        </p>
      )}
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
