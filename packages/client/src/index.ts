// @rehome/client: the typed API client and the realtime client.
export * from "./answer-stream";
export * from "./api";
export * from "./realtime";
