export { Channel, ClientFrame, Envelope, parseChannel } from "./channel";
export {
  closeTokenConnections,
  closeUserConnections,
  connect,
  disconnect,
  issueTicket,
  receive,
  TicketResult,
} from "./connection";
export type { Member } from "./presence";
export { cachedAudience, forget, publish, subscriptions } from "./publisher";
