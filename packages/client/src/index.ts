// @rehome/client: the typed API client, the realtime client and the agent answer streams.
export * from "./answer-stream";
export * from "./api";
export * from "./events";
export * from "./follow-thread";
export * from "./http";
export * from "./realtime";
export * from "./types";
