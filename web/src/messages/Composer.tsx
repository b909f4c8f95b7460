// Writing a message: Enter sends (Shift+Enter for a new line), "@" offers the project's
// people as you type (arrow keys and Enter or Tab to pick), others see you typing, and
// "Attach photo" uploads photos to the project (as the Files tab does) to show with the message.
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import { ui } from "../components/ui";
import { AttachedPhotos, PhotoPicker, usePhotoAttach } from "../files/PhotoAttach";
import type { Person } from "../hooks/useMembers";
import { complete, mentionAt, suggestions } from "./mentions";

// Mirrors the API's limit (Message.MAX_ATTACHMENTS), only to stop offering more; the API decides.
const MAX_ATTACHMENTS = 10;

interface Props {
  projectId: string;
  people: Person[];
  initial?: string;
  /** Lines the box shows: more while a person reviews a drafted text. */
  rows?: number;
  busy: boolean;
  /** Photos attached take the message's visibility; unset: the project's default. */
  clientVisible: boolean | undefined;
  onSend: (body: string, attachments: string[]) => Promise<unknown>;
  onTyping: (typing: boolean) => void;
}

export function Composer(props: Props) {
  const { projectId, people, initial = "", rows = 2, busy, clientVisible, onSend, onTyping } = props;
  const attach = usePhotoAttach(projectId, MAX_ATTACHMENTS);
  const { attached, setAttached, uploading } = attach;
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number>();
  const ref = useRef<HTMLTextAreaElement>(null);
  const placeCaret = useRef<number>(undefined);
  // Right after the completed mention is on screen, before the next key lands: a frame later,
  // a fast typist's next letter would already be in and the caret would jump back before it.
  useLayoutEffect(() => {
    if (placeCaret.current === undefined) return;
    ref.current?.setSelectionRange(placeCaret.current, placeCaret.current);
    placeCaret.current = undefined;
  });
  const mention = mentionAt(text, caret);
  const options = mention && mention.start !== dismissed ? suggestions(people, mention.query) : [];
  const open = options.length > 0;

  const pick = (person: Person) => {
    if (!mention) return;
    const next = complete(text, mention, person);
    setText(next.text);
    setCaret(next.caret);
    placeCaret.current = next.caret;
  };
  const send = async () => {
    const body = text.trim();
    if ((!body && attached.length === 0) || busy || uploading) return;
    // The box is free for the next message while this one is sent (the thread can show it, by
    // socket, before the answer lands). A refused message comes back with its photos, unless
    // something new is in the box by then; the thread shows why.
    const sending = { text, attached };
    onTyping(false);
    setText("");
    setCaret(0);
    setAttached([]);
    const refused = await onSend(
      body,
      attached.map((file) => file.id),
    ).then(
      () => false,
      () => true,
    );
    if (!refused) return;
    setText((now) => now || sending.text);
    setAttached((now) => (now.length > 0 ? now : sending.attached));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (open && (event.key === "Enter" || event.key === "Tab")) {
      event.preventDefault();
      const person = options[Math.min(active, options.length - 1)];
      if (person) pick(person);
    } else if (open && event.key === "Escape") {
      setDismissed(mention?.start);
    } else if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form
      className="relative flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <AttachedPhotos attach={attach} />
      <PhotoPicker attach={attach} clientVisible={clientVisible} />
      <label htmlFor="message-body" className="sr-only">
        Message
      </label>
      <textarea
        ref={ref}
        id="message-body"
        rows={rows}
        maxLength={10_000}
        value={text}
        placeholder="Write a message… use @ to mention someone"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls="mention-options"
        aria-activedescendant={open ? `mention-${options[active]?.id}` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
          onTyping(true);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        className={`${ui.field} min-w-0 flex-1 resize-none`}
      />
      <button
        type="submit"
        className={ui.primary}
        disabled={busy || uploading || (!text.trim() && attached.length === 0)}
      >
        Send
      </button>
      {open && (
        <ul
          id="mention-options"
          role="listbox"
          aria-label="People to mention"
          className="absolute bottom-full left-0 z-10 mb-1 w-64 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg"
        >
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`mention-${person.id}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
              className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-emerald-50 text-emerald-900" : "text-slate-800"}`}
            >
              {person.name} <span className="text-xs text-slate-500">{person.role}</span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
