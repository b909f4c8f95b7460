// A Resend-compatible capture endpoint (POST /emails, /emails/batch) and a small mail viewer,
// like Mailpit: what the product sends locally lands here, readable at / and as JSON at
// /api/messages. Nothing is ever delivered.
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface CapturedEmail {
  id: string;
  /** ISO time it was captured. */
  at: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html?: string;
  text?: string;
  tags: { name: string; value: string }[];
}

export interface MailCapture {
  /** Give it to the app as RESEND_BASE_URL; the viewer is at the same address. */
  baseUrl: string;
  /** Captured messages, oldest first. */
  messages(): CapturedEmail[];
  stop(): Promise<void>;
}

export interface MailOptions {
  port?: number;
  /** JSON file that keeps captured mail between restarts. */
  file?: string;
}

/** Resend's error body; the SDK hands it back as `error`. */
interface ResendError {
  statusCode: number;
  name: string;
  message: string;
}

const KEPT_MESSAGES = 500;
const MAX_RECIPIENTS = 50;
const MAX_BATCH = 100;
const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

export async function startMail(options: MailOptions = {}): Promise<MailCapture> {
  const messages = options.file ? await load(options.file) : [];
  // The answer given under each Idempotency-Key, and the payload it was given for.
  const idempotent = new Map<string, { payload: string; response: unknown }>();
  let saving = Promise.resolve();
  const persist = () => {
    const file = options.file;
    if (!file) return Promise.resolve();
    // Writes run one after another, so a slow write never lands over a newer one.
    saving = saving.then(() => writeFile(file, JSON.stringify(messages))).catch(() => undefined);
    return saving;
  };
  const keep = (captured: CapturedEmail[]) => {
    messages.push(...captured);
    messages.splice(0, Math.max(0, messages.length - KEPT_MESSAGES));
    return persist();
  };

  const app = new Hono();
  app.use("/emails*", async (c, next) => {
    if (!/^Bearer \S+/.test(c.req.header("Authorization") ?? ""))
      return fail(c, {
        statusCode: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header",
      });
    await next();
  });
  app.post("/emails", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    const replayed = replay(c, body);
    if (replayed) return replayed;
    const parsed = parseEmail(body);
    if (isError(parsed)) return fail(c, parsed);
    await keep([parsed]);
    return respond(c, body, { id: parsed.id });
  });
  app.post("/emails/batch", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (!Array.isArray(body) || body.length === 0 || body.length > MAX_BATCH)
      return fail(c, validation(`The batch must be an array of 1 to ${MAX_BATCH} emails.`));
    const replayed = replay(c, body);
    if (replayed) return replayed;
    const parsed = body.map(parseEmail);
    const errors = parsed.flatMap((p, index) => (isError(p) ? [{ index, message: p.message }] : []));
    // Strict (the SDK's default): one invalid email refuses the whole batch.
    const permissive = c.req.header("x-batch-validation") === "permissive";
    const firstError = parsed.find(isError);
    if (firstError && !permissive) return fail(c, firstError);
    const sent = parsed.filter((p): p is CapturedEmail => !isError(p));
    await keep(sent);
    return respond(c, body, { data: sent.map(({ id }) => ({ id })), ...(permissive && { errors }) });
  });

  /** Same key and payload: the first answer again; same key, other payload: 409, as Resend. */
  function replay(c: Context, body: unknown) {
    const key = c.req.header("Idempotency-Key");
    const earlier = key ? idempotent.get(`${c.req.path} ${key}`) : undefined;
    if (!earlier) return undefined;
    if (earlier.payload === JSON.stringify(body)) return c.json(earlier.response);
    return fail(c, {
      statusCode: 409,
      name: "invalid_idempotent_request",
      message:
        "Same idempotency key used with a different request payload. Change your idempotency key or payload.",
    });
  }
  function respond(c: Context, body: unknown, response: object) {
    const key = c.req.header("Idempotency-Key");
    if (key) idempotent.set(`${c.req.path} ${key}`, { payload: JSON.stringify(body), response });
    return c.json(response);
  }

  app.get("/api/messages", (c) => c.json([...messages].reverse()));
  app.get("/messages/:id", (c) => {
    const message = messages.find((m) => m.id === c.req.param("id"));
    return message ? c.html(messagePage(message)) : c.html(page("Not found", "<p>No such message.</p>"), 404);
  });
  app.get("/", (c) => c.html(listPage(messages)));

  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    messages: () => [...messages],
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await saving;
    },
  };
}

async function load(file: string): Promise<CapturedEmail[]> {
  const text = await readFile(file, "utf8").catch(() => "[]");
  try {
    const stored = JSON.parse(text);
    return Array.isArray(stored) ? stored : [];
  } catch {
    // A damaged file only loses old captured mail; it must not stop the local stack.
    return [];
  }
}

const fail = (c: Context, error: ResendError) => c.json(error, error.statusCode as ContentfulStatusCode);
const isError = (value: CapturedEmail | ResendError): value is ResendError => "statusCode" in value;
const validation = (message: string): ResendError => ({ statusCode: 422, name: "validation_error", message });

/** Checks one email as Resend does and captures it, or says what Resend would answer. */
function parseEmail(input: unknown): CapturedEmail | ResendError {
  if (typeof input !== "object" || input === null) return validation("The email must be a JSON object.");
  const email = input as Record<string, unknown>;
  for (const field of ["from", "to", "subject"]) {
    const value = email[field];
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0))
      return { statusCode: 422, name: "missing_required_field", message: `Missing \`${field}\` field.` };
  }
  const from = String(email.from);
  if (!ADDRESS.test(from))
    return {
      statusCode: 422,
      name: "invalid_from_address",
      message:
        "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    };
  const lists = {
    to: addresses(email.to),
    cc: addresses(email.cc),
    bcc: addresses(email.bcc),
    replyTo: addresses(email.reply_to),
  };
  for (const [field, list] of Object.entries(lists)) {
    const bad = list.find((address) => !ADDRESS.test(address));
    if (bad)
      return validation(
        `Invalid \`${field === "replyTo" ? "reply_to" : field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
      );
  }
  if (lists.to.length > MAX_RECIPIENTS)
    return validation(`Too many recipients in \`to\`: the maximum is ${MAX_RECIPIENTS}.`);
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    from,
    ...lists,
    subject: String(email.subject),
    ...(typeof email.html === "string" && { html: email.html }),
    ...(typeof email.text === "string" && { text: email.text }),
    tags: Array.isArray(email.tags) ? email.tags : [],
  };
}

const addresses = (value: unknown): string[] =>
  value === undefined || value === null ? [] : ([] as unknown[]).concat(value).map(String);

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(title)}</title><style>body{font:15px system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #e5e7eb}
iframe{width:100%;height:70vh;border:1px solid #e5e7eb}pre{white-space:pre-wrap}</style></head><body>${body}</body></html>`;

function listPage(messages: CapturedEmail[]) {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.at.replace("T", " ").slice(0, 19))}</td><td>${escapeHtml(m.to.join(", "))}</td><td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject)}</a></td></tr>`,
    )
    .join("");
  return page(
    "ReHome mail",
    `<h1>Captured mail</h1><p>${messages.length} message(s), newest first. Nothing here was really sent.</p>
<table><tr><th>When (UTC)</th><th>To</th><th>Subject</th></tr>${rows}</table>`,
  );
}

function messagePage(m: CapturedEmail) {
  // The HTML body renders in a sandboxed frame: no scripts, no access to this page or its origin.
  const body = m.html
    ? `<iframe sandbox srcdoc="${escapeHtml(m.html)}" title="Message body"></iframe>`
    : `<pre>${escapeHtml(m.text ?? "")}</pre>`;
  const line = (label: string, values: string[]) =>
    values.length > 0 ? `<div><strong>${label}</strong> ${escapeHtml(values.join(", "))}</div>` : "";
  return page(
    m.subject,
    `<p><a href="/">← all mail</a></p><h1>${escapeHtml(m.subject)}</h1>
${line("From", [m.from])}${line("To", m.to)}${line("Cc", m.cc)}${line("Bcc", m.bcc)}${line("Reply-To", m.replyTo)}${line("At", [m.at])}
${body}`,
  );
}
