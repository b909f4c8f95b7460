// The schedule: a bar moved in one browser (by keyboard, or dragged) moves in another without a
// reload; a phone gets the list, fits its screen and passes axe; staff copy a calendar link.
import { expect, type Page, test } from "@playwright/test";
import { type Client, createClient } from "@rehome/client";
import { fitsAndPassesAxe, KITCHEN, openProject, PASSWORD, personIn, shot } from "./support";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const LONG = "Strip out the old kitchen, including the Supercalifragilisticexpialidocious tiled splashback";

let admin: Client;
let kitchen = "";
test.beforeAll(async ({ baseURL }) => {
  const { token } = await createClient({ baseUrl: baseURL ?? "" }).login({
    email: "admin@demo.rehome.local",
    password: PASSWORD,
  });
  admin = createClient({ baseUrl: baseURL ?? "", token });
  kitchen = (await admin.projects.list()).items.find((p) => KITCHEN.test(p.name))?.id ?? "";
});

const bar = (page: Page, title: string) => page.getByTestId("schedule-bar").filter({ hasText: title });

test("a bar moved by keyboard or dragged in one browser moves in another", async ({ browser }) => {
  const keyed = await admin.tasks.create(kitchen, { title: LONG, startDate: day(-1), dueDate: day(3) });
  const dragged = await admin.tasks.create(kitchen, {
    title: "Skim the ceiling",
    startDate: day(2),
    dueDate: day(4),
  });
  const staff = await personIn(browser, "admin@demo.rehome.local");
  const team = await personIn(browser, "team@demo.rehome.local");
  for (const page of [staff, team]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openProject(page, KITCHEN, "Schedule");
  }
  await expect(bar(team, LONG)).toHaveAttribute("data-start", day(-1));

  await bar(staff, LONG).focus();
  await bar(staff, LONG).press("ArrowRight");
  await bar(staff, LONG).press("ArrowRight");
  await expect(staff.getByTestId("schedule-announcement")).toContainText("moved to");
  await expect(bar(team, LONG)).toHaveAttribute("data-start", day(1));
  expect((await admin.tasks.get(kitchen, keyed.id)).dueDate).toBe(day(5));

  const box = await bar(staff, "Skim the ceiling").boundingBox();
  if (!box) throw new Error("no bar to drag");
  await staff.mouse.move(box.x + 5, box.y + box.height / 2);
  await staff.mouse.down();
  await staff.mouse.move(box.x + 5 + 22 * 1.5, box.y + box.height / 2, { steps: 5 });
  await staff.mouse.move(box.x + 5 + 22 * 3, box.y + box.height / 2, { steps: 5 });
  await staff.mouse.up();
  await expect(bar(team, "Skim the ceiling")).toHaveAttribute("data-start", day(5));
  expect(await admin.tasks.get(kitchen, dragged.id)).toMatchObject({ startDate: day(5), dueDate: day(7) });
  await expect(staff).toHaveURL(/\/schedule/);

  await fitsAndPassesAxe(staff, "the staff schedule");
  await shot(staff, "schedule-1280");
  await shot(team, "schedule-live");
});

test("two quick moves of a bar land in the order they were made: the second waits for the first", async ({
  browser,
}) => {
  const task = await admin.tasks.create(kitchen, {
    title: "Prime the walls",
    startDate: day(6),
    dueDate: day(7),
  });
  const staff = await personIn(browser, "admin@demo.rehome.local");
  await staff.setViewportSize({ width: 1280, height: 900 });
  await openProject(staff, KITCHEN, "Schedule");
  // The first move's request is held. Sent beside it, the second could land first, and the
  // first would then leave the task a day short of where the person put it.
  const sent: string[] = [];
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await staff.route(`**/tasks/${task.id}`, async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    sent.push((route.request().postDataJSON() as { startDate: string }).startDate);
    if (sent.length === 1) await held;
    await route.continue();
  });
  const primed = bar(staff, "Prime the walls");
  await primed.focus();
  await primed.press("ArrowRight");
  await primed.press("ArrowRight");
  // Both moves show at once; only the second's request waits.
  await expect(primed).toHaveAttribute("data-start", day(8));
  // A second request sent beside the first would be on its way within a few milliseconds.
  await staff.waitForTimeout(500);
  expect(sent).toEqual([day(7)]);
  release();
  await expect.poll(async () => (await admin.tasks.get(kitchen, task.id)).startDate).toBe(day(8));
  expect(sent).toEqual([day(7), day(8)]);
  await expect(primed).toHaveAttribute("data-start", day(8));
});

test("staff copy a calendar link that serves the schedule, and revoke it", async ({ browser }) => {
  const staff = await personIn(browser, "team@demo.rehome.local");
  await staff.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await admin.tasks.create(kitchen, { title: "Deliver the worktop", dueDate: day(6) });
  await openProject(staff, KITCHEN, "Schedule");
  await staff.getByRole("button", { name: "Copy calendar link" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const url = await staff.getByLabel("Calendar link").inputValue();
  const feed = await staff.request.get(url);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toContain("SUMMARY:Deliver the worktop");
  await staff.getByRole("button", { name: "Revoke" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "no longer work" })).toBeVisible();
  expect((await staff.request.get(url)).status()).toBe(404);
});

test("a client's phone shows the list, fits the screen and passes axe; the timeline scrolls in its box", async ({
  browser,
}) => {
  await admin.tasks.create(kitchen, { title: `${LONG} (phone)`, startDate: day(-4), dueDate: day(-1) });
  await admin.tasks.create(kitchen, {
    title: "Internal: chase the tiler",
    dueDate: day(2),
    clientVisible: false,
  });
  const client = await personIn(browser, "client@demo.rehome.local");
  await client.setViewportSize({ width: 390, height: 844 });
  await openProject(client, KITCHEN, "Schedule");
  const list = client.getByTestId("schedule-list");
  await expect(list).toBeVisible();
  await expect(list).toContainText(`${LONG} (phone)`);
  await expect(list).toContainText("Overdue");
  await expect(list).not.toContainText("chase the tiler");
  await expect(client.getByRole("button", { name: "Copy calendar link" })).toHaveCount(0);
  await fitsAndPassesAxe(client, "the client schedule list");
  await shot(client, "schedule-390-list");

  await client.getByRole("button", { name: "Timeline" }).click();
  await expect(client.getByTestId("timeline")).toBeVisible();
  await fitsAndPassesAxe(client, "the client timeline");
  await shot(client, "schedule-390");
});
