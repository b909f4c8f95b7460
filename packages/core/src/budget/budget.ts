export { costOf, record, WARN_AT } from "./counters";
export { ensureAvailable, isWorkspaceSpent } from "./guard";
export { AiSettings, aiSettings, chooseModel, ModelChoice, modelOf } from "./model";
export { ReportInput, report, UsageReport } from "./report";
export { Budgets, budgetsOf, get, set } from "./settings";
export { addTokens, NO_TOKENS, type Tokens } from "./tokens";
