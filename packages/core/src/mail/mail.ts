import { config } from "../config";
import { loadSecrets } from "../config/secrets";
import { VisibleError } from "../error";
import { logger } from "../log";
import { once } from "../util";

export {
  budgetWarningEmail,
  changeOrderEmail,
  digestEmail,
  inviteEmail,
  resetEmail,
} from "./templates";

export interface Email {
  to: string;
  subject: string;
  html: string;
  text: string;
}

// The Resend SDK is imported on first send: few invocations send mail.
const client = once(async () => {
  const { resendApiKey, resendBaseUrl } = config().mail;
  if (!resendApiKey) return undefined;
  const { Resend } = await import("resend");
  return new Resend(resendApiKey, resendBaseUrl ? { baseUrl: resendBaseUrl } : {});
});

const unavailable = () =>
  new VisibleError("mail.unavailable", "Email could not be sent right now. Try again later.", 503);

/** Sends one email; a repeated `idempotencyKey` (kept 24 h by Resend) is sent only once. */
export async function send(email: Email, options: { idempotencyKey?: string } = {}): Promise<void> {
  // A deployed function reads the Resend key here if its entry did not: the http function sends
  // mail from few requests, so its cold requests do not wait for Secrets Manager.
  await loadSecrets().catch((error: unknown) => {
    logger().error("email not sent: its key could not be read", {
      subject: email.subject,
      error: String(error),
    });
    throw unavailable();
  });
  const resend = await client();
  if (!resend) throw unavailable();
  const { error } = await resend.emails.send({ from: config().mail.from, ...email }, options);
  if (error) {
    logger().error("email not sent", { subject: email.subject, reason: error.message });
    throw unavailable();
  }
}
