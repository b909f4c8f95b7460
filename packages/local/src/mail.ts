// A Resend-compatible capture endpoint (POST /emails, /emails/batch) and a small mail viewer,
// like Mailpit: what the product "sends" locally lands here, readable at / and as JSON for tests.
import { readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createId } from "@rehome/core/util";
import { Hono } from "hono";
import { z } from "zod";

const Address = z.union([z.string().min(3), z.array(z.string().min(3)).min(1)]);
const Email = z.object({
  from: z.string().min(3),
  to: Address,
  subject: z.string().min(1),
  html: z.string().optional(),
  text: z.string().optional(),
  cc: Address.optional(),
  bcc: Address.optional(),
  reply_to: Address.optional(),
  tags: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
});

export interface CapturedEmail {
  id: string;
  at: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
}

export interface MailCapture {
  baseUrl: string;
  messages(): CapturedEmail[];
  stop(): Promise<void>;
}

export async function startMail(options: { port?: number; file?: string }): Promise<MailCapture> {
  const messages: CapturedEmail[] = options.file
    ? JSON.parse(await readFile(options.file, "utf8").catch(() => "[]"))
    : [];
  const persist = () =>
    options.file ? writeFile(options.file, JSON.stringify(messages.slice(-500))) : Promise.resolve();

  const capture = (input: unknown) => {
    const parsed = Email.safeParse(input);
    if (!parsed.success) return { error: parsed.error.issues[0] };
    const email = parsed.data;
    const captured: CapturedEmail = {
      id: createId(),
      at: new Date().toISOString(),
      from: email.from,
      to: ([] as string[]).concat(email.to),
      subject: email.subject,
      html: email.html,
      text: email.text,
    };
    messages.push(captured);
    return { captured };
  };
  const invalid = (issue: z.core.$ZodIssue | undefined) => ({
    statusCode: 422,
    name: "validation_error",
    message: issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "Invalid email",
  });

  const app = new Hono();
  app.use("/emails*", async (c, next) => {
    if (!c.req.header("Authorization")?.startsWith("Bearer ")) {
      return c.json({ statusCode: 401, name: "missing_api_key", message: "Missing API key" }, 401);
    }
    await next();
  });
  app.post("/emails", async (c) => {
    const { captured, error } = capture(await c.req.json().catch(() => undefined));
    if (!captured) return c.json(invalid(error), 422);
    await persist();
    return c.json({ id: captured.id });
  });
  app.post("/emails/batch", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (!Array.isArray(body)) return c.json(invalid(undefined), 422);
    const results = body.map(capture);
    const failed = results.find((r) => !r.captured);
    if (failed) return c.json(invalid(failed.error), 422);
    await persist();
    return c.json({ data: results.map((r) => ({ id: r.captured?.id })) });
  });
  app.get("/api/messages", (c) => c.json([...messages].reverse()));
  app.get("/messages/:id", (c) => {
    const message = messages.find((m) => m.id === c.req.param("id"));
    return message ? c.html(messagePage(message)) : c.notFound();
  });
  app.get("/", (c) => c.html(listPage(messages)));

  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    messages: () => [...messages],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(title)}</title><style>body{font:15px system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #e5e7eb}
iframe{width:100%;height:70vh;border:1px solid #e5e7eb}</style></head><body>${body}</body></html>`;

function listPage(messages: CapturedEmail[]) {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.at.replace("T", " ").slice(0, 19))}</td><td>${escapeHtml(m.to.join(", "))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
    )
    .join("");
  return page(
    "ReHome mail",
    `<h1>Captured mail</h1><p>${messages.length} message(s). Nothing here was really sent.</p>
<table><tr><th>When</th><th>To</th><th>Subject</th></tr>${rows}</table>`,
  );
}

function messagePage(m: CapturedEmail) {
  // The HTML body renders in a sandboxed frame: no scripts, no access to this page.
  const body = m.html
    ? `<iframe sandbox srcdoc="${escapeHtml(m.html)}" title="Message body"></iframe>`
    : `<pre>${escapeHtml(m.text ?? "")}</pre>`;
  return page(
    m.subject,
    `<p><a href="/">← all mail</a></p><h1>${escapeHtml(m.subject)}</h1>
<p>From ${escapeHtml(m.from)} to ${escapeHtml(m.to.join(", "))} at ${escapeHtml(m.at)}</p>${body}`,
  );
}
