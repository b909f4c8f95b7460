// Realtime: channels, tickets, connections, subscriptions, presence and the publisher.

export { Channel, parseChannel } from "./channel";
export { cachedAudience, fixedAudience, publish, subscriptions } from "./publisher";
export * as Realtime from "./realtime";
