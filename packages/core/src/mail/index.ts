// Outgoing email through Resend (locally: the capture server at RESEND_BASE_URL), and the
// templates of the links we send. Never logs a link: it is a credential until used.
export * as Mail from "./mail";
