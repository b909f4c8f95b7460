// Class lists of the few building blocks every screen repeats (buttons, fields), so a look
// is defined once; everything else is utilities in place.
const BUTTON =
  "inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60";

export const ui = {
  primary: `${BUTTON} bg-emerald-700 text-white hover:bg-emerald-800`,
  secondary: `${BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`,
  danger: `${BUTTON} border border-red-300 bg-white text-red-800 hover:bg-red-50`,
  /** The confirming button of a destructive question. */
  destructive: `${BUTTON} bg-red-700 text-white hover:bg-red-800`,
  // Read-only and disabled fields (what the person may not change) read as values, not inputs.
  field:
    "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 disabled:border-slate-200 disabled:bg-slate-50 disabled:text-slate-700 [&[readonly]]:border-slate-200 [&[readonly]]:bg-slate-50 [&[readonly]]:text-slate-700",
  label: "block text-sm font-medium text-slate-700",
};
