export { addTokens, costOf, NO_TOKENS, record, type Tokens, WARN_AT } from "./counters";
export { ensureAvailable, isWorkspaceSpent } from "./guard";
export { AiSettings, aiSettings, chooseModel, ModelChoice, modelOf } from "./model";
export { ReportInput, report, UsageReport } from "./report";
export { Budgets, budgetsOf, get, set } from "./settings";
