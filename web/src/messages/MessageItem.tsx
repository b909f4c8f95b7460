// One message: author, time, the body with @mentions highlighted, and edit/delete for its
// author within the edit window (admins may delete any, to moderate).
import type { MessageInfo } from "@rehome/client";
import { useState } from "react";
import { ui } from "../components/ui";
import type { Person } from "../hooks/useMembers";
import { withMentions } from "./mentions";

// Mirrors the API's default MESSAGE_EDIT_WINDOW_MINUTES, only to hide buttons that would be
// refused; the API decides.
const EDIT_WINDOW_MS = 15 * 60_000;

interface Props {
  message: MessageInfo;
  me: { id: string; role: string } | undefined;
  people: Person[];
  highlighted: boolean;
  onEdit: (body: string) => Promise<unknown>;
  onDelete: () => void;
}

export function MessageItem({ message, me, people, highlighted, onEdit, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const mine = message.authorId === me?.id;
  const recent = Date.now() - Date.parse(message.createdAt) < EDIT_WINDOW_MS;
  const mentioned = people.filter((p) => message.mentions.includes(p.id));
  return (
    <li
      id={`message-${message.id}`}
      data-testid="message"
      aria-current={highlighted || undefined}
      className={`rounded-md px-3 py-2 ${highlighted ? "bg-amber-50 ring-1 ring-amber-300" : ""}`}
    >
      <p className="text-xs text-slate-500">
        <span className="font-medium text-slate-800">{message.authorName || "Someone"}</span>{" "}
        <time dateTime={message.createdAt}>{new Date(message.createdAt).toLocaleString()}</time>
        {message.editedAt && " · edited"}
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
      {!editing && ((mine && recent) || me?.role === "admin") && (
        <div className="mt-1 flex gap-3 text-xs">
          {mine && recent && (
            <button type="button" className="text-slate-600 underline" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button
            type="button"
            className="text-red-700 underline"
            onClick={() => window.confirm("Delete this message?") && onDelete()}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
