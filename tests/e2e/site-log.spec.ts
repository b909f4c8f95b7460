// The daily site log in the browser: a team member writes today's log with a photo on a laptop
// and shares it; the client, on a phone, sees the day on the timeline with the photo and opens
// it in the lightbox. Both screens fit and pass axe; the client never sees the internal day.
import { expect, test } from "@playwright/test";
import { png } from "./long-data";
import { fitsAndPassesAxe, KITCHEN, openProject, shot, signIn } from "./support";

const WORK = `Island carcass fixed and levelled ${Date.now()}`;

test("staff write today's log with a photo and share it; the client sees it on the timeline on a phone and opens the photo", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const team = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(team, "team@demo.rehome.local");
  await openProject(team, KITCHEN, "Site log");
  // The demo's internal day is marked for staff.
  await expect(team.getByTestId("site-log-day").filter({ hasText: "Skip swap" })).toContainText("Internal");

  await team.getByRole("button", { name: /^(Write|Edit) today's log$/ }).click();
  const form = team.getByRole("form", { name: /the day's log$/ });
  await form.getByLabel("Weather").fill("Dry, 12°C");
  await form.getByLabel("Crew on site").fill("Tom Team\nSam Price (plumber)");
  await form.getByLabel("Work done").fill(WORK);
  await form.getByLabel("Delays").fill("Worktop template visit moved to tomorrow");
  await form.getByLabel("Cause of delay").selectOption("materials");
  await form.getByLabel("Visible to client").check();
  await form.getByLabel("Attach photo").setInputFiles({
    name: "island-levelled.png",
    mimeType: "image/png",
    buffer: png(80, 60, [160, 110, 60]),
  });
  await expect(form.getByRole("list", { name: "Attached photos" }).locator("img")).toHaveCount(1);
  await fitsAndPassesAxe(team, "staff site log form at 1280");
  await form.getByRole("button", { name: /the day's log$/ }).click();

  const written = team.getByTestId("site-log-day").filter({ hasText: WORK });
  await expect(written.getByRole("button", { name: "Open photo island-levelled.png" })).toBeVisible();
  await expect(written).not.toContainText("Internal");
  await fitsAndPassesAxe(team, "staff site log at 1280");
  await shot(team, "site-log-staff-1280");

  const client = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();
  await signIn(client, "client@demo.rehome.local");
  await openProject(client, KITCHEN, "Site log");
  const day = client.getByTestId("site-log-day").filter({ hasText: WORK });
  await expect(day).toContainText("Sam Price (plumber)");
  await expect(day).toContainText("(Materials)");
  await expect(client.getByText("Skip swap")).toHaveCount(0);
  await expect(client.getByRole("button", { name: /today's log/ })).toHaveCount(0);
  await expect(client.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await fitsAndPassesAxe(client, "client site log at 390");
  await shot(client, "site-log-client-390");

  await day.getByRole("button", { name: "Open photo island-levelled.png" }).click();
  await expect(client.getByTestId("lightbox").getByRole("img")).toBeVisible();
  await fitsAndPassesAxe(client, "client site log lightbox at 390");
  await shot(client, "site-log-client-lightbox-390");
});
