// The agent worker's Lambda entry: its heap set to favour memory (agent/small-heap.ts) as the
// bundle loads, before the handler has run once; the local stack imports the handler on its own.
import "./agent/small-heap";

export { handler } from "./agent/worker";
