// Loading, error, saved and empty states shared by every list and page.
import { ApiError } from "@rehome/client";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ui } from "./ui";

export const Loading = ({ what }: { what: string }) => (
  // The dot pulses, not the words: fading text would drop below readable contrast.
  <p className="flex items-center gap-2 py-4 text-sm text-slate-600" role="status">
    <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-emerald-600" />
    Loading {what}…
  </p>
);

/** The API's own words, plus the request id someone can quote to support. */
export function Failed({
  error,
  retry,
  className = "",
}: {
  error: unknown;
  retry?: () => void;
  className?: string;
}) {
  const api = error instanceof ApiError ? error : undefined;
  const message =
    api?.status === 404
      ? "Not found, or not shared with you."
      : error instanceof Error
        ? error.message
        : "Something went wrong.";
  return (
    <div
      role="alert"
      className={`rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 ${className}`}
    >
      <p>{message}</p>
      {/* A reference helps support with a fault; "not found" needs none. */}
      {api?.requestId && api.status >= 500 && (
        <p className="mt-1 text-xs text-red-700/80">If you contact support, quote {api.requestId}.</p>
      )}
      {retry && (
        <button type="button" onClick={retry} className="mt-2 font-medium underline">
          Try again
        </button>
      )}
    </div>
  );
}

/** The quiet confirmation that a change was saved, read out by screen readers. */
export const Saved = ({ children, className = "" }: { children: ReactNode; className?: string }) => (
  <p role="status" className={`rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ${className}`}>
    {children}
  </p>
);

export const Empty = ({ children }: { children: ReactNode }) => (
  <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">
    {children}
  </p>
);

/** The loading, error and empty states of one list, in that order; nothing once it has items. */
export function ListStates({
  list,
  what,
  count,
  empty,
}: {
  list: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** What is loading, as in "Loading {what}…". */
  what: string;
  count: number;
  empty: ReactNode;
}) {
  if (list.isPending) return <Loading what={what} />;
  if (list.isError) return <Failed error={list.error} retry={() => list.refetch()} />;
  return count === 0 ? <Empty>{empty}</Empty> : null;
}

/** The end of a paged list: the next page on demand. */
export function LoadMore({
  list,
  label,
}: {
  list: { hasNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
}) {
  if (!list.hasNextPage) return null;
  return (
    <button type="button" className={`${ui.secondary} mt-3`} onClick={() => list.fetchNextPage()}>
      {label}
    </button>
  );
}

/** The one not-found page, for a wrong address and an item that is gone or not shared alike. */
export function NotFound({ what = "page" }: { what?: string }) {
  return (
    <section className="mx-auto max-w-md py-16 text-center" data-testid="not-found">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This {what} does not exist, or it is not shared with you.</p>
      <Link to="/" className={`${ui.primary} mt-4`}>
        Back to your projects
      </Link>
    </section>
  );
}
