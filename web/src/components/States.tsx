// Loading, error and empty states shared by every list.
import { ApiError } from "@rehome/client";

export const Loading = ({ what }: { what: string }) => (
  <p className="text-sm text-slate-500" role="status">
    Loading {what}…
  </p>
);

export const Failed = ({ error }: { error: unknown }) => (
  <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
    {error instanceof ApiError && error.status === 404
      ? "Not found, or not shared with you."
      : error instanceof Error
        ? error.message
        : "Something went wrong."}
  </p>
);

export const Empty = ({ children }: { children: React.ReactNode }) => (
  <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-500">{children}</p>
);
