// The schedule's data: a task's start date (never after its due date) and the project's .ics
// feed — a secret link read without a session, showing client-visible tasks unless staff chose
// otherwise, dead once revoked, and never a door into another project.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, type Person, type Stack, succeed } from "../support/stack";

let stack: Stack;
let admin: Person;
let client: Person;
let consultant: Person;
let kitchen: string;

const api = (person: Person, method: string, path: string, body?: unknown) =>
  succeed(stack, person, method, path, body);

/** The feed as a calendar app fetches it: no Authorization header, just the link. */
const fetchFeed = async (url: string) => {
  const { pathname } = new URL(url);
  return call(stack, "GET", pathname);
};

/** The logical lines of an .ics body (unfolded). */
const linesOf = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");

beforeAll(async () => {
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  consultant = await login(stack, "consultant@demo.rehome.local");
  [{ id: kitchen }] = (await api(client, "GET", "/api/projects")).items;
});
afterAll(() => stack?.stop());

describe("a task's start date", () => {
  it("is stored, returned and cleared like the due date", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const task = await api(admin, "POST", tasks, {
      title: "Lay floor",
      startDate: "2027-01-04",
      dueDate: "2027-01-08",
    });
    expect(task).toMatchObject({ startDate: "2027-01-04", dueDate: "2027-01-08" });
    expect(await api(admin, "GET", `${tasks}/${task.id}`)).toMatchObject({ startDate: "2027-01-04" });
    const moved = await api(admin, "PATCH", `${tasks}/${task.id}`, {
      startDate: "2027-01-05",
      dueDate: "2027-01-09",
    });
    expect(moved).toMatchObject({ startDate: "2027-01-05", dueDate: "2027-01-09" });
    expect(await api(admin, "PATCH", `${tasks}/${task.id}`, { startDate: null })).toMatchObject({
      startDate: null,
      dueDate: "2027-01-09",
    });
  });

  it("after the due date is refused with 422 on create and on update, against the stored date too", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const late = await call(stack, "POST", tasks, {
      token: admin.token,
      body: { title: "Backwards", startDate: "2027-02-10", dueDate: "2027-02-01" },
    });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe("task.start_after_due");
    const task = await api(admin, "POST", tasks, { title: "Paint", dueDate: "2027-02-01" });
    const patched = await call(stack, "PATCH", `${tasks}/${task.id}`, {
      token: admin.token,
      body: { startDate: "2027-02-02" },
    });
    expect(patched.status).toBe(422);
    expect(patched.body.error).toMatchObject({ code: "task.start_after_due", requestId: expect.any(String) });
    expect((await api(admin, "GET", `${tasks}/${task.id}`)).startDate).toBeNull();
  });
});

describe("the project's calendar feed", () => {
  it("serves client-visible dated tasks as all-day events, without an Authorization header and uncached", async () => {
    const tasks = `/api/projects/${kitchen}/tasks`;
    const shown = await api(admin, "POST", tasks, {
      title: "Fit kitchen, units; worktops",
      startDate: "2027-03-01",
      dueDate: "2027-03-05",
      clientVisible: true,
    });
    const hidden = await api(admin, "POST", tasks, {
      title: "Chase supplier margin",
      dueDate: "2027-03-02",
      clientVisible: false,
    });
    const { url } = await api(admin, "POST", `/api/projects/${kitchen}/calendar`, {});
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.ics$/);

    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("cache-control")).toBe("no-store");
    const lines = linesOf(feed.body);
    expect(lines).toContain(`UID:task-${shown.id}@rehome`);
    expect(lines).toContain("SUMMARY:Fit kitchen\\, units\\; worktops");
    expect(lines).toContain("DTSTART;VALUE=DATE:20270301");
    expect(lines).toContain("DTEND;VALUE=DATE:20270306");
    expect(lines.some((l) => l.startsWith("DESCRIPTION:") && l.includes(shown.id))).toBe(true);
    expect(feed.body).not.toContain(hidden.id);
    expect(feed.body).not.toContain("Chase supplier margin");
  });

  it("includes internal tasks only when staff asked for them, and a new link replaces the old", async () => {
    const hidden = await api(admin, "POST", `/api/projects/${kitchen}/tasks`, {
      title: "Internal snag walk",
      dueDate: "2027-04-01",
      clientVisible: false,
    });
    const first = await api(admin, "POST", `/api/projects/${kitchen}/calendar`, {});
    const staff = await api(admin, "POST", `/api/projects/${kitchen}/calendar`, { includeInternal: true });
    const feed = await fetchFeed(staff.url);
    expect(linesOf(feed.body)).toContain(`UID:task-${hidden.id}@rehome`);
    expect((await fetchFeed(first.url)).status).toBe(404);
  });

  it("answers 404 in the error shape once revoked, and for an unknown or tampered token", async () => {
    const { url } = await api(admin, "POST", `/api/projects/${kitchen}/calendar`, {});
    expect((await fetchFeed(url)).status).toBe(200);
    // The same feed id with another secret: the id alone never opens a feed.
    const tampered = url.replace(/(.)\.ics$/, (_: string, ch: string) => `${ch === "a" ? "b" : "a"}.ics`);
    const wrong = await fetchFeed(tampered);
    expect(wrong.status).toBe(404);
    expect(wrong.body.error).toMatchObject({ code: "not_found", requestId: expect.any(String) });

    await api(admin, "DELETE", `/api/projects/${kitchen}/calendar`);
    const revoked = await fetchFeed(url);
    expect(revoked.status).toBe(404);
    expect(revoked.body.error.code).toBe("not_found");
  });

  it("shows only its own project: another project's link never lists this project's tasks", async () => {
    const other = await api(admin, "POST", "/api/projects", { name: "Loft conversion" });
    await api(admin, "POST", `/api/projects/${other.id}/tasks`, {
      title: "Loft joists",
      dueDate: "2027-05-01",
    });
    const mine = await api(admin, "POST", `/api/projects/${kitchen}/tasks`, {
      title: "Kitchen only",
      dueDate: "2027-05-02",
    });
    const { url } = await api(admin, "POST", `/api/projects/${other.id}/calendar`, {});
    const feed = await fetchFeed(url);
    expect(feed.body).toContain("Loft joists");
    expect(feed.body).not.toContain(mine.id);
  });

  it("may be shared or revoked by staff the table allows, not by a client or a consultant (403)", async () => {
    for (const person of [client, consultant]) {
      const share = await call(stack, "POST", `/api/projects/${kitchen}/calendar`, {
        token: person.token,
        body: {},
      });
      expect(share.status).toBe(403);
      expect(share.body.error.code).toBe("permission.denied");
      const revoke = await call(stack, "DELETE", `/api/projects/${kitchen}/calendar`, {
        token: person.token,
      });
      expect(revoke.status).toBe(403);
    }
  });
});
