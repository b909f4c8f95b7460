// The capture endpoint answers the real `resend` SDK as Resend does (ids, 422s, batches,
// idempotency keys) and shows what was "sent" in a viewer that never runs the mail's scripts.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resend } from "resend";
import { afterEach, describe, expect, it } from "vitest";
import { type CapturedEmail, type MailOptions, startMail } from "./mail";

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A capture server and a Resend client pointed at it the way the app's config does. */
async function captureWithClient(options: MailOptions = {}) {
  const mail = await startMail(options);
  stops.push(mail.stop);
  // The SDK reads RESEND_BASE_URL when constructed.
  process.env.RESEND_BASE_URL = mail.baseUrl;
  const resend = new Resend("re_test");
  delete process.env.RESEND_BASE_URL;
  return { mail, resend };
}

const email = {
  from: "ReHome <no-reply@rehome.local>",
  to: ["ada@example.com"],
  subject: "Your daily digest",
  html: "<h1>3 tasks moved</h1><script>alert('x')</script>",
  text: "3 tasks moved",
};

describe("the local mail capture", () => {
  it("captures what the resend SDK sends and answers with an id", async () => {
    const { mail, resend } = await captureWithClient();
    const { data, error } = await resend.emails.send({
      ...email,
      cc: "lead@example.com",
      replyTo: "team@example.com",
    });
    expect(error).toBeNull();
    expect(data?.id).toEqual(expect.any(String));
    expect(mail.messages()).toEqual([
      expect.objectContaining({
        id: data?.id,
        from: email.from,
        to: ["ada@example.com"],
        cc: ["lead@example.com"],
        replyTo: ["team@example.com"],
        subject: "Your daily digest",
        html: email.html,
      }),
    ]);
    const listed = (await (await fetch(`${mail.baseUrl}/api/messages`)).json()) as CapturedEmail[];
    expect(listed.map((m) => m.id)).toEqual([data?.id]);
  });

  it("refuses what Resend refuses, with Resend's error names", async () => {
    const { mail, resend } = await captureWithClient();
    const missingTo = await resend.emails.send({ ...email, to: [] });
    expect(missingTo.error).toMatchObject({
      statusCode: 422,
      name: "missing_required_field",
      message: "Missing `to` field.",
    });
    const badFrom = await resend.emails.send({ ...email, from: "not an address" });
    expect(badFrom.error).toMatchObject({ statusCode: 422, name: "invalid_from_address" });

    const anonymous = await fetch(`${mail.baseUrl}/emails`, { method: "POST", body: JSON.stringify(email) });
    expect(anonymous.status).toBe(401);
    expect(mail.messages()).toHaveLength(0);
  });

  it("sends batches all-or-nothing, and answers a repeated idempotency key with the first id", async () => {
    const { mail, resend } = await captureWithClient();
    const refused = await resend.batch.send([email, { ...email, subject: "" }]);
    expect(refused.error).toMatchObject({ statusCode: 422, name: "missing_required_field" });
    expect(mail.messages()).toHaveLength(0);

    const batch = await resend.batch.send([email, { ...email, to: ["bob@example.com"] }]);
    expect(batch.data?.data).toHaveLength(2);

    const first = await resend.emails.send(email, { idempotencyKey: "digest/2025-01-01/ada" });
    const again = await resend.emails.send(email, { idempotencyKey: "digest/2025-01-01/ada" });
    expect(again.data?.id).toBe(first.data?.id);
    const changed = await resend.emails.send(
      { ...email, subject: "Other" },
      { idempotencyKey: "digest/2025-01-01/ada" },
    );
    expect(changed.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(mail.messages()).toHaveLength(3);
  });

  it("lists mail newest first and shows a message's HTML only inside a sandboxed frame", async () => {
    const { mail, resend } = await captureWithClient();
    await resend.emails.send({ ...email, subject: "First <b>one</b>" });
    const { data } = await resend.emails.send({ ...email, subject: "Second" });

    const list = await (await fetch(mail.baseUrl)).text();
    expect(list.indexOf("Second")).toBeLessThan(list.indexOf("First &lt;b&gt;one&lt;/b&gt;"));
    expect(list).not.toContain("<b>one</b>");

    const view = await (await fetch(`${mail.baseUrl}/messages/${data?.id}`)).text();
    expect(view).toContain('<iframe sandbox srcdoc="&lt;h1&gt;3 tasks moved&lt;/h1&gt;&lt;script&gt;');
    expect(view).not.toContain("<script>");
    expect((await fetch(`${mail.baseUrl}/messages/unknown`)).status).toBe(404);
  });

  it("keeps captured mail in its file across restarts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rehome-mail-"));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, "mail.json");
    const before = await captureWithClient({ file });
    await before.resend.emails.send(email);
    await before.mail.stop();

    const after = await captureWithClient({ file });
    expect(after.mail.messages().map((m) => m.subject)).toEqual(["Your daily digest"]);
  });
});
