// The smallest environment the configuration accepts, for unit tests that parse it: the
// wiring a deployment or the local runtime always sets, pointing nowhere real.
export const WIRING = {
  DATA_TABLE: "app-data",
  REALTIME_TABLE: "app-realtime",
  UPLOADS_BUCKET: "app-uploads",
  AGENT_QUEUE_URL: "http://127.0.0.1:1/000000000000/agent",
  WS_MANAGEMENT_URL: "http://127.0.0.1:2",
  WS_PUBLIC_URL: "ws://127.0.0.1:2",
  PUBLIC_URL: "http://localhost:3000",
};
