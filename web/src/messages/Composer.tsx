// Writing a message: Enter sends (Shift+Enter for a new line), "@" offers the project's
// people as you type (arrow keys and Enter or Tab to pick), and others see you typing.
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import { ui } from "../components/ui";
import type { Person } from "../hooks/useMembers";
import { complete, mentionAt, suggestions } from "./mentions";

interface Props {
  people: Person[];
  initial?: string;
  busy: boolean;
  onSend: (body: string) => Promise<unknown>;
  onTyping: (typing: boolean) => void;
}

export function Composer({ people, initial = "", busy, onSend, onTyping }: Props) {
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
    if (!body || busy) return;
    // A refused message stays in the box; the thread shows why.
    if (
      !(await onSend(body).then(
        () => true,
        () => false,
      ))
    )
      return;
    onTyping(false);
    setText("");
    setCaret(0);
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
      className="relative flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor="message-body" className="sr-only">
        Message
      </label>
      <textarea
        ref={ref}
        id="message-body"
        rows={2}
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
        className={`${ui.field} resize-none`}
      />
      <button type="submit" className={ui.primary} disabled={busy || !text.trim()}>
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
