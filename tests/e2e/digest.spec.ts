// Digests in the browser: each person chooses whether digests also reach them by email, and a
// digest repeated while the AI budget is spent says so.
import { expect, test } from "@playwright/test";
import { KITCHEN, openProject, signIn } from "./support";

test("a person's digest-email choice is saved and kept after a reload", async ({ page }) => {
  await signIn(page, "client@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  const toggle = page.getByRole("switch", { name: "Email me new digests" });
  await expect(toggle).toBeEnabled();
  const before = await toggle.isChecked();

  // Keyboard first: the switch is reached and flipped without a mouse.
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toBeChecked({ checked: !before });
  await expect(toggle).toBeEnabled();
  await page.reload();
  await expect(toggle).toBeChecked({ checked: !before });

  await toggle.click();
  await expect(toggle).toBeEnabled();
  await page.reload();
  await expect(toggle).toBeChecked({ checked: before });
});

test("a digest repeated while the AI budget is spent (or the provider down) is marked as cached", async ({
  page,
}) => {
  // Writing digests is the scheduler's (tested there); here only what a reader sees of a cached one.
  await page.route("**/api/projects/*/summaries", (route) =>
    route.fulfill({
      json: {
        items: [
          {
            id: "s2",
            projectId: "p",
            kind: "daily",
            title: "Daily digest — Kitchen remodel",
            content: "Two tasks moved to done.",
            citations: [],
            citedProjects: {},
            createdAt: "2026-03-04T07:00:00.000Z",
            cached: true,
            cachedFrom: "2026-03-03T07:00:00.000Z",
            proposals: [],
          },
          {
            id: "s1",
            projectId: "p",
            kind: "daily",
            title: "Daily digest — Kitchen remodel",
            content: "Two tasks moved to done.",
            citations: [],
            citedProjects: {},
            createdAt: "2026-03-03T07:00:00.000Z",
            cached: false,
            cachedFrom: null,
            proposals: [],
          },
        ],
      },
    }),
  );
  await signIn(page, "consultant@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  const notes = page.getByTestId("digest-cached");
  await expect(notes).toHaveCount(1);
  const day = await page.evaluate(() => new Date("2026-03-03T07:00:00.000Z").toLocaleDateString());
  await expect(notes).toHaveText(
    `Cached digest from ${day} — the AI budget is spent or the assistant is unavailable`,
  );
});
