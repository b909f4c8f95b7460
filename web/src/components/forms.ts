// Submitting a one-field form (a new task, a question): the trimmed text, and clearing the
// field once the caller is done with it. Blank text is not submitted.
import type { FormEvent } from "react";

export const submitField =
  (name: string, handle: (text: string, clear: () => void) => void) =>
  (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem(name) as HTMLInputElement;
    const text = input.value.trim();
    if (text) handle(text, () => (input.value = ""));
  };
