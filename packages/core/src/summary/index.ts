// Summaries: the daily per-project digest participants read, the weekly workspace rollup,
// milestone summaries of a project, and meeting summaries with their proposed tasks.
export * as Meeting from "./meeting";
export * as Milestone from "./milestone";
export * as Summary from "./summary";
