// Realtime: channels, tickets, connections, subscriptions, presence and the publisher.

export { Channel, parseChannel } from "./channel";
export { cachedAudience, publish } from "./publisher";
export * as Realtime from "./realtime";
