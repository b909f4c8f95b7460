// Inviting a person onto projects: every project named is checked before anything is written,
// so an invite naming a project that is not the workspace's leaves no person, assignment or link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inbox, linkToken } from "../support/mail";
import { bootStack, call, login, type Person, type Stack } from "../support/stack";
import { changes, snapshot } from "../support/table";
import { isErrorShape, uniqueEmail } from "../support/world";

let stack: Stack;
let admin: Person;
let kitchen: string;
let theirs: string;

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
  [{ id: kitchen }] = (await call(stack, "GET", "/api/projects", { token: admin.token })).body.items;
  const northwind = await login(stack, "admin@northwind.rehome.local");
  [{ id: theirs }] = (await call(stack, "GET", "/api/projects", { token: northwind.token })).body.items;
});
afterAll(() => stack?.stop());

const invite = (body: Record<string, unknown>) =>
  call(stack, "POST", "/api/invites", { token: admin.token, body });
const assigned = async (userId: string) =>
  (await call(stack, "GET", `/api/projects/${kitchen}/assignments`, { token: admin.token })).body.items.some(
    (a: { userId: string }) => a.userId === userId,
  );

describe("inviting onto projects", () => {
  it("refuses unknown or other workspaces' projects with 422 naming them, writing nothing, new or already invited", async () => {
    const email = uniqueEmail("halfway");
    const earlier = uniqueEmail("earlier");
    expect((await invite({ email: earlier, role: "client" })).status).toBe(201);

    const before = await snapshot();
    for (const [who, role] of [
      [email, "client"],
      [earlier, "team"],
    ]) {
      const refused = await invite({ email: who, role, projectIds: [kitchen, "nope", theirs] });
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(isErrorShape(refused.body)).toBe(true);
      expect(refused.body.error).toMatchObject({
        code: "invite.project_invalid",
        details: { projectIds: ["nope", theirs] },
      });
    }
    expect(changes(before, await snapshot()), "refused invites stored nothing").toEqual([]);
    expect(await inbox(stack, email)).toEqual([]);

    const invited = await invite({ email, role: "client", projectIds: [kitchen] });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(await assigned(invited.body.userId)).toBe(true);
    const { token } = await linkToken(stack, email, "accept-invite");
    const body = { token, name: "Hal Halfway", password: "a-long-new-password" };
    expect((await call(stack, "POST", "/api/invites/accept", { body })).status).toBe(200);
  });
});
