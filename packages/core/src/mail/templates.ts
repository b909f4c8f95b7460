// The emails that carry single-use links. The token travels in the URL fragment, which browsers
// never send to a server, so it stays out of access logs and Referer headers.
import { config } from "../config";
import type { Email } from "./mail";

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

export const linkTo = (page: "accept-invite" | "reset-password", token: string) =>
  `${config().publicUrl.replace(/\/$/, "")}/${page}#token=${encodeURIComponent(token)}`;

function withLink(to: string, subject: string, lines: string[], action: string, url: string): Email {
  const html = `<p>${lines.map(escapeHtml).join("</p><p>")}</p><p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>`;
  return { to, subject, html, text: `${lines.join("\n\n")}\n\n${action}: ${url}\n` };
}

export const inviteEmail = (input: {
  to: string;
  workspaceName: string;
  inviterName: string;
  token: string;
  expiresAt: string;
}) =>
  withLink(
    input.to,
    `You are invited to ${input.workspaceName} on ReHome`,
    [
      `${input.inviterName} invited you to join ${input.workspaceName} on ReHome.`,
      `The link works once and expires at ${input.expiresAt} (UTC).`,
    ],
    "Accept the invitation",
    linkTo("accept-invite", input.token),
  );

export const resetEmail = (input: { to: string; token: string; expiresAt: string }) =>
  withLink(
    input.to,
    "Reset your ReHome password",
    [
      "Someone (hopefully you) asked to reset the password of your ReHome account.",
      `The link works once and expires at ${input.expiresAt} (UTC). If you did not ask, ignore this email.`,
    ],
    "Choose a new password",
    linkTo("reset-password", input.token),
  );
