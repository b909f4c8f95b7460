// Agent budgets and cost: usage counters per person and workspace per day and month, the
// budgets in force (config defaults, admin overrides), the 80% warning, the 100% refusal, and
// the usage report of the cost widget (spend by model too), and each workspace's AI model with
// its prices. Never calls a provider.
export * as Budget from "./budget";
