// The Budget namespace: what callers outside this folder may use.
export { costOf, record, WARN_AT } from "./counters";
export { ensureAvailable, isWorkspaceSpent } from "./guard";
export { ReportInput, report, UsageReport } from "./report";
export { Budgets, budgetsOf, get, set } from "./settings";
