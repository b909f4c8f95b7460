import { Resend } from "resend";
import { config } from "../config";
import { VisibleError } from "../error";
import { logger } from "../log";
import { once } from "../util";

export {
  budgetWarningEmail,
  changeOrderEmail,
  digestEmail,
  inviteEmail,
  money,
  resetEmail,
} from "./templates";

export interface Email {
  to: string;
  subject: string;
  html: string;
  text: string;
}

const client = once(() => {
  const { resendApiKey, resendBaseUrl } = config().mail;
  return resendApiKey ? new Resend(resendApiKey, resendBaseUrl ? { baseUrl: resendBaseUrl } : {}) : undefined;
});

const unavailable = () =>
  new VisibleError("mail.unavailable", "Email could not be sent right now. Try again later.", 503);

/** Sends one email; a repeated `idempotencyKey` (kept 24 h by Resend) is sent only once. */
export async function send(email: Email, options: { idempotencyKey?: string } = {}): Promise<void> {
  const resend = client();
  if (!resend) throw unavailable();
  const { error } = await resend.emails.send({ from: config().mail.from, ...email }, options);
  if (error) {
    logger().error("email not sent", { subject: email.subject, reason: error.message });
    throw unavailable();
  }
}
