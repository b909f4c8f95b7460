// Submitting a signed-out form: busy while it runs, the API's message when it is refused.
import { type FormEvent, useState } from "react";

export function useAuthForm(submit: (form: FormData) => Promise<void>) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await submit(new FormData(event.currentTarget));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  // ApiErrors carry the API's words; plain Errors are the form's own checks.
  const message =
    error instanceof Error ? error.message : error ? "Something went wrong. Try again." : undefined;
  return { onSubmit, busy, error, message };
}
