// Invitations and password resets by email, read from the local mail capture: each link works
// once, a used, withdrawn or expired link is refused, and no link ever appears in an API answer.
// The stack runs the worker, which sends the reset emails (password-reset.test.ts: what it sends).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inbox, linkToken } from "../support/mail";
import { bootStack, call, login, type Stack } from "../support/stack";
import { rewrite } from "../support/table";

let stack: Stack;
let admin: string;

beforeAll(async () => {
  stack = await bootStack();
  admin = (await login(stack, "admin@demo.rehome.local")).token;
});
afterAll(() => stack?.stop());

const invite = (email: string, role = "consultant") =>
  call(stack, "POST", "/api/invites", { token: admin, body: { email, role } });
const accept = (token: string, name = "Ivy Invitee") =>
  call(stack, "POST", "/api/invites/accept", { body: { token, name, password: "a-long-new-password" } });

/** Moves a link's expiry into the past, as if its lifetime had passed. */
const expire = (token: string) =>
  rewrite({ linkId: token.split(".")[0] ?? "" }, { expiresAt: new Date(Date.now() - 1000).toISOString() });

describe("invitations by email", () => {
  it("emails a single-use link that sets name and password and signs the person in", async () => {
    const created = await invite("ivy@example.com");
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "ivy@example.com", role: "consultant", status: "pending" });
    expect(JSON.stringify(created.body)).not.toContain("token");

    const [mail] = await inbox(stack, "ivy@example.com");
    expect(mail?.subject).toContain("Demo Renovations");
    const { url, token } = await linkToken(stack, "ivy@example.com", "accept-invite");
    expect(url.startsWith(stack.url)).toBe(true);

    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({
      email: "ivy@example.com",
      name: "Ivy Invitee",
      status: "active",
    });
    expect((await call(stack, "GET", "/api/me", { token: accepted.body.token })).body.role).toBe(
      "consultant",
    );
    expect((await login(stack, "ivy@example.com", "a-long-new-password")).user.id).toBe(
      accepted.body.user.id,
    );

    const again = await accept(token, "Mallory");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("link.used");
    const listed = (await call(stack, "GET", "/api/invites", { token: admin })).body.items;
    expect(listed.find((i: { email: string }) => i.email === "ivy@example.com").status).toBe("accepted");
  });

  it("names the workspace, the inviter and the invited name before the form, and refuses a replaced link there", async () => {
    const projects = (await call(stack, "GET", "/api/projects", { token: admin })).body.items;
    const kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
    const created = await call(stack, "POST", "/api/invites", {
      token: admin,
      body: { email: "pia@example.com", role: "client", name: "Pia Preview", projectIds: [kitchen] },
    });
    expect(created.status).toBe(201);
    const first = await linkToken(stack, "pia@example.com", "accept-invite");
    const preview = await call(stack, "POST", "/api/invites/preview", { body: { token: first.token } });
    expect(preview.body).toMatchObject({
      workspaceName: "Demo Renovations",
      email: "pia@example.com",
      name: "Pia Preview",
      role: "client",
    });
    expect(preview.body.inviterName).not.toBe("");
    const people = (await call(stack, "GET", `/api/projects/${kitchen}/assignments`, { token: admin })).body;
    expect(people.items).toContainEqual(
      expect.objectContaining({ userId: created.body.userId, role: "client" }),
    );

    await invite("pia@example.com", "client");
    const replaced = await call(stack, "POST", "/api/invites/preview", { body: { token: first.token } });
    expect(replaced.status).toBe(409);
    expect(replaced.body.error.code).toBe("link.used");
  });

  it("refuses an expired link, a withdrawn one, a replaced one and a forged one", async () => {
    await invite("late@example.com");
    const late = await linkToken(stack, "late@example.com", "accept-invite");
    await expire(late.token);
    const expired = await accept(late.token);
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe("link.expired");

    const withdrawn = await invite("withdrawn@example.com");
    const { token } = await linkToken(stack, "withdrawn@example.com", "accept-invite");
    expect((await call(stack, "DELETE", `/api/invites/${withdrawn.body.id}`, { token: admin })).status).toBe(
      204,
    );
    expect((await accept(token)).body.error.code).toBe("link.used");

    // Inviting again replaces the first link: only the newest email works.
    await invite("twice@example.com");
    const first = await linkToken(stack, "twice@example.com", "accept-invite");
    await invite("twice@example.com", "team");
    const second = await linkToken(stack, "twice@example.com", "accept-invite");
    expect(second.token).not.toBe(first.token);
    expect((await accept(first.token)).status).toBe(409);
    expect((await accept(second.token)).body.user.role).toBe("team");

    const [id] = second.token.split(".");
    expect((await accept(`${id}.forged-secret`)).body.error.code).toBe("link.invalid");
    expect((await accept("not-a-link")).status).toBe(400);
  });

  it("refuses to invite an email that already belongs to someone", async () => {
    const taken = await invite("team@demo.rehome.local");
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("user.email_taken");
  });
});

describe("password reset by email", () => {
  const forgot = (email: string) => call(stack, "POST", "/api/password/forgot", { body: { email } });
  const reset = (token: string, password: string) =>
    call(stack, "POST", "/api/password/reset", { body: { token, password } });

  it("emails a single-use link that sets the new password and ends every session", async () => {
    const before = await login(stack, "client@demo.rehome.local");
    expect((await forgot("client@demo.rehome.local")).status).toBe(202);
    const { token } = await linkToken(stack, "client@demo.rehome.local", "reset-password");

    expect((await reset(token, "brand-new-password")).status).toBe(204);
    expect((await call(stack, "GET", "/api/me", { token: before.token })).status).toBe(401);
    expect(
      (
        await call(stack, "POST", "/api/login", {
          body: { email: "client@demo.rehome.local", password: "rehome-demo" },
        })
      ).status,
    ).toBe(401);
    expect((await login(stack, "client@demo.rehome.local", "brand-new-password")).user.role).toBe("client");

    const again = await reset(token, "another-password-1");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("link.used");
  });

  it("refuses an expired reset link", async () => {
    await forgot("consultant@demo.rehome.local");
    const { token } = await linkToken(stack, "consultant@demo.rehome.local", "reset-password");
    await expire(token);
    const answer = await reset(token, "brand-new-password");
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("link.expired");
    expect((await login(stack, "consultant@demo.rehome.local")).user.role).toBe("consultant");
  });
});
