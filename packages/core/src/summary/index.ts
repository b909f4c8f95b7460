// Summaries: the daily per-project digest participants read, the weekly workspace rollup, and
// milestone summaries of a project.
export * as Milestone from "./milestone";
export * as Summary from "./summary";
