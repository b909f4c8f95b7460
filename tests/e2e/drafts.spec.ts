// The assistant drafts, a person decides, in the browser: staff tick two messages that name a
// cost, get a change order drafted in the usual form (the amount, the days and the cited messages
// shown), edit its title and save it as a draft; then draft today's client update into the
// composer and post it, and the client sees the posted message. The draft screens pass axe.
import { expect, test } from "@playwright/test";
import { fitsAndPassesAxe, holdMessageAnswers, KITCHEN, openProject, shot, signIn } from "./support";

test("staff draft a change order from two messages and today's client update, edit and save them, and the client sees the update", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const team = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(team, "team@demo.rehome.local");
  await openProject(team, KITCHEN, "Messages");
  const price = `The electrician quotes $650 for the extra island socket (${stamp}).`;
  const days = `Fitting it adds 2 days to the schedule (${stamp}).`;
  for (const body of [price, days]) {
    await team.getByLabel("Message", { exact: true }).fill(body);
    await team.getByRole("button", { name: "Send", exact: true }).click();
    await expect(team.getByTestId("message").filter({ hasText: body })).toBeVisible();
  }

  await team.getByRole("button", { name: "Draft a change order" }).click();
  for (const body of [price, days])
    await team.getByTestId("message").filter({ hasText: body }).getByRole("checkbox").check();
  await team.getByRole("button", { name: "Draft from 2 messages" }).click();

  const drafted = team.getByRole("region", { name: "Drafted change order" });
  await expect(drafted).toBeVisible({ timeout: 15_000 });
  const form = drafted.getByRole("form", { name: "New change order" });
  await expect(form.getByLabel(/^Cost/)).toHaveValue("650.00");
  await expect(form.getByLabel("Schedule change (days)")).toHaveValue("2");
  await expect(form.getByLabel("Title")).toHaveValue(/extra island socket/);
  await expect(drafted.getByRole("link", { name: /^message \d$/ })).toHaveCount(2);
  await fitsAndPassesAxe(team, "drafted change order at 1280");
  await shot(team, "drafts-change-order-1280");
  await team.setViewportSize({ width: 390, height: 844 });
  await fitsAndPassesAxe(team, "drafted change order at 390");
  await shot(team, "drafts-change-order-390");
  await team.setViewportSize({ width: 1280, height: 800 });

  const title = `Extra island socket ${stamp}`;
  await form.getByLabel("Title").fill(title);
  await form.getByRole("button", { name: "Save as draft" }).click();
  const card = team.getByTestId("change-order").filter({ hasText: title });
  await expect(card.getByTestId("change-state")).toHaveText("Draft");
  await expect(card).toContainText("$650.00");

  await team
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Messages" })
    .click();
  await team.getByRole("button", { name: "Draft client update" }).click();
  const box = team.getByLabel("Message", { exact: true });
  await expect(box).toHaveValue(/^Hello!/, { timeout: 15_000 });
  await expect(team.getByLabel("Drafted client update")).toBeVisible();
  await fitsAndPassesAxe(team, "drafted client update at 1280");
  await shot(team, "drafts-client-update-1280");
  await team.setViewportSize({ width: 390, height: 844 });
  await fitsAndPassesAxe(team, "drafted client update at 390");
  await shot(team, "drafts-client-update-390");
  await box.fill(`${await box.inputValue()}\nSee you tomorrow! (${stamp})`);
  await team.getByRole("button", { name: "Send", exact: true }).click();
  await expect(team.getByLabel("Drafted client update")).toHaveCount(0);

  const client = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(client, "client@demo.rehome.local");
  await openProject(client, KITCHEN, "Messages");
  await expect(
    client.getByTestId("message").filter({ hasText: `See you tomorrow! (${stamp})` }),
  ).toBeVisible();
  await expect(client.getByRole("button", { name: "Draft client update" })).toHaveCount(0);
  await expect(client.getByRole("button", { name: "Draft a change order" })).toHaveCount(0);
});

test("the next message typed while a drafted client update is sent stays in the box", async ({ browser }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const team = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(team, "team@demo.rehome.local");
  await openProject(team, KITCHEN, "Messages");
  await team.getByRole("button", { name: "Draft client update" }).click();
  const box = team.getByLabel("Message", { exact: true });
  await expect(box).toHaveValue(/^Hello!/, { timeout: 15_000 });
  const update = `See you tomorrow! (${stamp})`;
  const next = `Internal: skip collection moved to Friday (${stamp}).`;
  // The thread shows the sent update (by socket) before the server answers the sender: the answer
  // is held until the next message is being typed.
  const held = await holdMessageAnswers(team);
  await box.fill(`${await box.inputValue()}\n${update}`);
  await team.getByRole("button", { name: "Send", exact: true }).click();
  await expect(team.getByTestId("message").filter({ hasText: update })).toBeVisible();
  await box.fill(next);
  held.release();
  await expect(team.getByLabel("Drafted client update")).toHaveCount(0);
  await expect(box).toHaveValue(next);
  await held.stop();
});
