// Summaries: the daily per-project digest participants read, the weekly workspace rollup,
// milestone summaries of a project, and meeting summaries with their proposed tasks. Writing
// them is the agent worker's (writers.ts).
export * as Meeting from "./meeting";
export * as Summary from "./summary";
