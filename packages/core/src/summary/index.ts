// Digests: the daily per-project digest participants read and the weekly workspace rollup.
export * as Summary from "./summary";
