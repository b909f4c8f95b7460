// Loading, error and empty states shared by every list and page.
import { ApiError } from "@rehome/client";
import type { ReactNode } from "react";

export const Loading = ({ what }: { what: string }) => (
  <p className="animate-pulse py-4 text-sm text-slate-500" role="status">
    Loading {what}…
  </p>
);

/** The API's own words, plus the request id someone can quote to support. */
export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const api = error instanceof ApiError ? error : undefined;
  const message =
    api?.status === 404
      ? "Not found, or not shared with you."
      : error instanceof Error
        ? error.message
        : "Something went wrong.";
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p>{message}</p>
      {api?.requestId && <p className="mt-1 text-xs text-red-700/80">Reference: {api.requestId}</p>}
      {retry && (
        <button type="button" onClick={retry} className="mt-2 font-medium underline">
          Try again
        </button>
      )}
    </div>
  );
}

export const Empty = ({ children }: { children: ReactNode }) => (
  <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">
    {children}
  </p>
);

export function NotFound() {
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist, or it is not shared with you.</p>
    </section>
  );
}
