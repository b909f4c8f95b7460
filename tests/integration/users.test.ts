// Admins changing people: someone who never accepted their invitation has no password, so only
// accepting makes them active; deactivated before accepting, they are invited again instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkToken } from "../support/mail";
import { bootStack, call, login, type Person, type Stack } from "../support/stack";
import { changes, snapshot } from "../support/table";
import { isErrorShape, joinByInvite, uniqueEmail } from "../support/world";

let stack: Stack;
let admin: Person;

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
});
afterAll(() => stack?.stop());

const invite = (email: string, role = "client") =>
  call(stack, "POST", "/api/invites", { token: admin.token, body: { email, role } });
const setStatus = (userId: string, status: string) =>
  call(stack, "PATCH", `/api/users/${userId}`, { token: admin.token, body: { status } });

describe("activating people", () => {
  it("refuses to make active a person who never accepted, deactivated or not, storing nothing", async () => {
    const pending = (await invite(uniqueEmail("pending"))).body.userId;
    const withdrawn = (await invite(uniqueEmail("withdrawn"))).body.userId;
    expect((await setStatus(withdrawn, "deactivated")).status).toBe(200);

    const before = await snapshot();
    for (const userId of [withdrawn, pending]) {
      const refused = await setStatus(userId, "active");
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(isErrorShape(refused.body)).toBe(true);
      expect(refused.body.error.code).toBe("user.not_accepted");
      expect(refused.body.error.message).toContain("Invite them again");
    }
    expect(changes(before, await snapshot()), "refused changes stored nothing").toEqual([]);
    const shown = await call(stack, "GET", `/api/users/${withdrawn}`, { token: admin.token });
    expect(shown.body.status).toBe("deactivated");
  });

  it("invites again a person deactivated before accepting, who becomes active by accepting", async () => {
    const email = uniqueEmail("again");
    const { userId } = (await invite(email)).body;
    expect((await setStatus(userId, "deactivated")).status).toBe(200);

    const again = await invite(email, "team");
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ userId, role: "team", status: "pending" });
    const shown = await call(stack, "GET", `/api/users/${userId}`, { token: admin.token });
    expect(shown.body).toMatchObject({ status: "invited", role: "team" });

    const { token } = await linkToken(stack, email, "accept-invite");
    const body = { token, name: "Agatha Again", password: "a-long-new-password" };
    const accepted = await call(stack, "POST", "/api/invites/accept", { body });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.user).toMatchObject({ id: userId, status: "active", role: "team" });
  });

  it("reactivates a person who had accepted, who is not invited again", async () => {
    const person = await joinByInvite(stack, admin.token, "client", "returning");
    expect((await setStatus(person.id, "deactivated")).status).toBe(200);
    const again = await invite(person.email);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("user.email_taken");
    expect((await setStatus(person.id, "active")).status).toBe(200);
    expect((await login(stack, person.email, person.password)).user.id).toBe(person.id);
  });
});
