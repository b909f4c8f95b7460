// Last resort for a screen that crashed or a chunk that failed to load (often a new
// deploy): say so and offer a reload instead of a blank page.
import { useRouteError } from "react-router";
import { ui } from "./ui";

export function RouteError() {
  const error = useRouteError();
  return (
    <section role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">
        {error instanceof Error ? error.message : "This screen could not be shown."}
      </p>
      <button type="button" className={`${ui.primary} mt-4`} onClick={() => window.location.reload()}>
        Reload
      </button>
    </section>
  );
}
