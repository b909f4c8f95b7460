// Submitting a one-field form (a new task, a question): the trimmed text, and the field cleared
// at once, so the next entry can be typed while this one saves; `restore` puts the text back
// if saving failed and the field is still empty. Blank text is not submitted: `onEmpty` says so.
import type { FormEvent } from "react";

export const submitField =
  (name: string, handle: (text: string, restore: () => void) => void, onEmpty?: () => void) =>
  (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem(name) as HTMLInputElement;
    const text = input.value.trim();
    if (!text) return onEmpty?.();
    input.value = "";
    handle(text, () => {
      if (!input.value) input.value = text;
    });
  };
