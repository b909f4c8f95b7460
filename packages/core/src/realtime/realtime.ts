export { Channel, ClientFrame, Envelope, parseChannel } from "./channel";
export { connect, disconnect, issueTicket, receive, TicketResult } from "./connection";
export { broadcast, forget, publish, sendTo, subscribers } from "./publisher";
