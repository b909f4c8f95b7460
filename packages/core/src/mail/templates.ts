// The emails we send: single-use links and notices. Every link opens an SPA route, and the SPA
// routes in the URL fragment (web/src/router.tsx), which browsers never send to a server: a
// link's token stays out of access logs and Referer headers.
import { config } from "../config";
import { dayInWords, inWords, money } from "../words";
import type { Email } from "./mail";

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/**
 * The SPA's `route` (a path with an optional query) at PUBLIC_URL: `https://…/index.html#/admin/cost`
 * on AWS, where the bucket's REST endpoint has no index document; `http://localhost:3000/#/…` locally.
 */
export const pageUrl = (route: string) => {
  const url = new URL(config().publicUrl);
  url.hash = route;
  return url.href;
};

export const linkTo = (page: "accept-invite" | "reset-password", token: string) =>
  pageUrl(`/${page}?token=${encodeURIComponent(token)}`);

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
      `The link works once and expires on ${inWords(input.expiresAt)}.`,
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
      `The link works once and expires on ${inWords(input.expiresAt)}. If you did not ask, ignore this email.`,
    ],
    "Choose a new password",
    linkTo("reset-password", input.token),
  );

/** Tells an admin a budget passed 80%; links to where budgets are changed. */
export const budgetWarningEmail = (input: { to: string; headline: string; detail: string }) =>
  withLink(
    input.to,
    `ReHome: ${input.headline}`,
    [input.headline, input.detail, "At 100% the assistant stops answering until the budget resets."],
    "Review usage and budgets",
    pageUrl("/admin/cost"),
  );

/** A digest (daily per project, weekly rollup) for someone who opted in to digest emails. */
export const digestEmail = (input: {
  to: string;
  title: string;
  content: string;
  /** Where the SPA shows it: the project, or the admin area's digest page for the rollup. */
  projectId: string | null;
  /** Set when a spent budget made this digest repeat the one written at that time. */
  cachedFrom?: string;
}) =>
  withLink(
    input.to,
    input.title,
    [
      ...(input.cachedFrom
        ? [`The assistant's budget is spent, so this repeats the digest of ${inWords(input.cachedFrom)}.`]
        : []),
      ...input.content.split("\n").filter((line) => line.trim() !== ""),
      "You get this because digest emails are on in your ReHome profile; switch them off there.",
    ],
    "Open in ReHome",
    pageUrl(input.projectId ? `/projects/${encodeURIComponent(input.projectId)}` : "/admin/digest"),
  );

/** Asks a client to approve or decline a change order in the app; never carries a way to decide by mail. */
export const changeOrderEmail = (input: {
  to: string;
  projectName: string;
  projectId: string;
  title: string;
  costDelta: number;
  currency: string;
  scheduleDeltaDays: number;
  decisionDue: string;
}) => {
  const cost = `${input.costDelta >= 0 ? "+" : ""}${money(input.costDelta, input.currency)}`;
  const days = Math.abs(input.scheduleDeltaDays);
  const schedule =
    input.scheduleDeltaDays === 0
      ? "no change to the schedule"
      : `${days} day${days === 1 ? "" : "s"} ${input.scheduleDeltaDays > 0 ? "added to" : "taken off"} the schedule`;
  return withLink(
    input.to,
    `Change order for your approval: ${input.title}`,
    [
      `A change to ${input.projectName} needs your decision: "${input.title}".`,
      `Cost: ${cost}; ${schedule}.`,
      `Please approve or decline it in ReHome by the end of ${dayInWords(input.decisionDue)} (UTC).`,
    ],
    "Review the change order",
    pageUrl(`/projects/${encodeURIComponent(input.projectId)}/changes`),
  );
};
