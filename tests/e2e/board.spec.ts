// The live board: what one person does appears for another in a second browser without a
// reload, whether by typing, keyboard moves, drag and drop or the task drawer, and after the
// connection dropped once it is back.
import { expect, test } from "@playwright/test";
import { holdFrames, KITCHEN, LOFT, openProject, personIn, shot, signIn } from "./support";

test("a task created and moved by keyboard in one browser appears moved in another", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  const consultant = await personIn(browser, "consultant@demo.rehome.local");
  for (const page of [team, consultant]) await openProject(page, KITCHEN);
  await expect(consultant.getByRole("list", { name: "Online now" })).toContainText("Tom Team");
  await expect(team.getByRole("list", { name: "Online now" })).toContainText("Cora Consultant");

  await team.getByLabel("New task").fill("Seal the worktop joints");
  await team.getByRole("button", { name: "Add" }).click();
  const seen = consultant.getByTestId("column-todo").getByText("Seal the worktop joints");
  await expect(seen).toBeVisible();

  const card = team.getByRole("button", { name: /Seal the worktop joints/ });
  await card.focus();
  await card.press("Alt+ArrowRight");
  await expect(team.getByTestId("board-announcement")).toContainText("moved to In progress");
  await expect(team.getByRole("button", { name: /Seal the worktop joints/ })).toBeFocused();
  await expect(
    consultant.getByTestId("column-in_progress").getByText("Seal the worktop joints"),
  ).toBeVisible();
  await expect(seen).toHaveCount(0);
  await shot(consultant, "board-live");

  await team.close();
  await expect(consultant.getByRole("list", { name: "Online now" })).not.toContainText("Tom Team");
});

test("a card dragged to another column moves there for everyone", async ({ browser }) => {
  const admin = await personIn(browser, "admin@demo.rehome.local");
  const team = await personIn(browser, "team@demo.rehome.local");
  for (const page of [admin, team]) await openProject(page, LOFT);

  const title =
    (await admin.getByTestId("column-todo").getByTestId("task-card").first().innerText()).split("\n")[0] ??
    "";
  await admin
    .getByTestId("column-todo")
    .getByTestId("task-card")
    .first()
    .dragTo(admin.getByTestId("column-done"));
  await expect(admin.getByTestId("column-done").getByText(title, { exact: true })).toBeVisible();
  await expect(team.getByTestId("column-done").getByText(title, { exact: true })).toBeVisible();
  await admin.reload();
  await expect(admin.getByTestId("column-done").getByText(title, { exact: true })).toBeVisible();
});

test("the task drawer saves edits that others see live", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  const client = await personIn(browser, "client@demo.rehome.local");
  for (const page of [team, client]) await openProject(page, KITCHEN);

  await team.getByRole("button", { name: /Install pendant lighting/ }).click();
  const drawer = team.getByRole("dialog", { name: "Install pendant lighting" });
  await expect(drawer).toBeVisible();
  await shot(team, "task-drawer");
  await drawer.getByLabel("Priority").selectOption("urgent");
  await drawer.getByLabel("Labels").fill("electrics, lighting");
  await drawer.getByRole("button", { name: "Save" }).click();
  await expect(drawer).toHaveCount(0);

  const card = client.getByRole("button", { name: /Install pendant lighting/ });
  await expect(card).toContainText("Urgent");
  await expect(card).toContainText("lighting");
});

test("the board is usable on a tablet", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, "team@demo.rehome.local");
  await openProject(page, KITCHEN);
  await expect(page.getByTestId("column-blocked")).toBeVisible();
  await shot(page, "board-tablet");
});

test("filters narrow the board and are kept in the URL", async ({ page }) => {
  await signIn(page, "consultant@demo.rehome.local");
  await openProject(page, KITCHEN);
  const cards = page.getByTestId("task-card");
  // Count only once the board has loaded.
  await expect(cards.first()).toBeVisible();
  const total = await cards.count();
  // The box follows the URL, which the router updates a moment after the click.
  await page.getByLabel("Overdue").click();
  await expect(page.getByLabel("Overdue")).toBeChecked();
  await expect(page).toHaveURL(/#\/projects\/[^/]+\/board\?.*overdue=1/);
  await expect(cards).not.toHaveCount(total);
  for (const card of await cards.all()) await expect(card).toContainText("Overdue");
  await page.reload();
  await expect(page.getByLabel("Overdue")).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toContainText(`of ${total}`);
});

test("a board whose connection dropped shows what changed meanwhile once it is back", async ({ browser }) => {
  // The team member's socket is dropped, and on the new one their project subscription is held
  // back while the consultant adds a task: its event goes to nobody, as on a phone in a tunnel.
  const team = await (await browser.newContext()).newPage();
  const frames = await holdFrames(
    team,
    (text, socket) =>
      socket > 0 && text.includes('"subscribe"') && text.includes('"channel":"private-projects.'),
  );
  await signIn(team, "team@demo.rehome.local");
  const consultant = await personIn(browser, "consultant@demo.rehome.local");
  for (const page of [team, consultant]) await openProject(page, KITCHEN);

  await frames.sockets[0]?.close();
  await expect.poll(frames.waiting).toBe(1);
  await consultant.getByLabel("New task").fill("Order the spare hinges");
  await consultant.getByRole("button", { name: "Add" }).click();
  await expect(consultant.getByTestId("column-todo").getByText("Order the spare hinges")).toBeVisible();

  frames.release();
  await expect(team.getByTestId("connection")).toHaveText("Live");
  await expect(team.getByTestId("column-todo").getByText("Order the spare hinges")).toBeVisible();
});

test("a dropped or dead connection is live again as soon as the device is back online or the page in view", async ({
  browser,
}) => {
  const team = await (await browser.newContext()).newPage();
  // The page's timers stop when its socket drops, so its backoff's next try never comes by itself.
  await team.clock.install();
  // A socket that died unseen, as on a phone that slept: it looks open, but its frames go nowhere.
  const dead = new Set<number>();
  const { sockets } = await holdFrames(team, (_, socket) => dead.has(socket));
  await signIn(team, "team@demo.rehome.local");
  await openProject(team, KITCHEN);
  const badge = team.getByTestId("connection");
  const pause = async () => team.clock.pauseAt(await team.evaluate(() => Date.now() + 1000));
  const happen = (name: string) =>
    team.evaluate((event) => (event === "online" ? window : document).dispatchEvent(new Event(event)), name);

  for (const event of ["online", "visibilitychange"]) {
    await pause();
    await sockets.at(-1)?.close();
    await expect(badge).toHaveText("Reconnecting…");
    await happen(event);
    await expect(badge).toHaveText("Live");
    await team.clock.resume();
  }

  // Back in view, the page pings at once: no pong within 15 s, and the socket is replaced, where
  // the next keep-alive ping would have come minutes later.
  await pause();
  const asleep = sockets.at(-1);
  dead.add(sockets.length - 1);
  await happen("visibilitychange");
  await team.clock.runFor(15_000);
  await expect(badge).toHaveText("Reconnecting…");
  await team.clock.runFor(1_000);
  await expect(badge).toHaveText("Live");
  expect(sockets.at(-1)).not.toBe(asleep);
});
