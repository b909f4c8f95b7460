// What each person sees and does in a real browser: their projects only, a live board shared
// between two browsers, and a streamed agent answer with citations.
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./support";

const ALL = ["Bathroom refit — Oak Avenue", "Kitchen remodel — Elm Street", "Loft conversion — Birch Lane"];
const VISIBLE: Record<string, string[]> = {
  "admin@demo.rehome.local": ALL,
  "team@demo.rehome.local": ALL,
  "consultant@demo.rehome.local": ["Kitchen remodel — Elm Street", "Loft conversion — Birch Lane"],
  "client@demo.rehome.local": ["Kitchen remodel — Elm Street"],
  "admin@northwind.rehome.local": ["Warehouse roof repair"],
};

test.describe("people see exactly their projects", () => {
  for (const [email, projects] of Object.entries(VISIBLE)) {
    test(`${email} sees ${projects.length} project(s)`, async ({ page }) => {
      await signIn(page, email);
      const names = page.getByRole("list", { name: "Projects" }).getByRole("heading");
      await expect(names).toHaveCount(projects.length);
      expect((await names.allTextContents()).sort()).toEqual(projects);
      await shot(page, `projects-${email.split("@")[0]}-${email.split("@")[1]?.split(".")[0]}`);
    });
  }

  test("a client opening another project's URL sees not-found, never its data", async ({ page, browser }) => {
    const admin = await browser.newPage();
    await signIn(admin, "admin@demo.rehome.local");
    await admin.getByRole("link", { name: /Loft conversion/ }).click();
    const loftUrl = new URL(admin.url()).pathname;
    await admin.close();

    await signIn(page, "client@demo.rehome.local");
    await page.goto(loftUrl);
    await expect(page.getByRole("alert")).toContainText("Not found");
    await expect(page.getByText("Loft conversion")).toHaveCount(0);
    await expect(page.getByText("Scaffolding booking")).toHaveCount(0);
  });
});

test("a task created and moved in one browser appears in another without reload", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "team@demo.rehome.local");
  await signIn(second, "consultant@demo.rehome.local");
  for (const page of [first, second]) {
    await page.getByRole("link", { name: /Kitchen remodel/ }).click();
    await expect(page.getByTestId("connection")).toHaveText("Live");
  }
  await first.getByLabel("New task").fill("Seal the worktop joints");
  await first.getByRole("button", { name: "Add" }).click();
  await expect(second.getByTestId("column-todo").getByText("Seal the worktop joints")).toBeVisible();

  await first.getByLabel("Move Seal the worktop joints").selectOption("in_progress");
  await expect(second.getByTestId("column-in_progress").getByText("Seal the worktop joints")).toBeVisible();
  await expect(second.getByTestId("column-todo").getByText("Seal the worktop joints")).toHaveCount(0);
  await shot(second, "board-live");
});

test("an agent answer streams into the page and completes with citations", async ({ page }) => {
  await signIn(page, "team@demo.rehome.local");
  await page.getByRole("link", { name: /Kitchen remodel/ }).click();
  await page.getByRole("tab", { name: "Agent" }).click();
  await page.getByRole("button", { name: "Start a conversation" }).click();
  await page.getByRole("button", { name: "Overdue by assignee" }).click();

  const answer = page.getByTestId("answer").last();
  const lengths: number[] = [];
  await expect
    .poll(
      async () => {
        lengths.push((await answer.innerText()).length);
        return answer.getAttribute("data-status");
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe("completed");
  // The text grew over several frames rather than arriving whole.
  expect(new Set(lengths.filter((n) => n > 0)).size).toBeGreaterThan(2);
  await expect(answer.getByRole("link", { name: "↗ task" }).first()).toBeVisible();
  await shot(page, "agent-answer");
});

test("Stop ends a streaming answer", async ({ page }) => {
  await signIn(page, "admin@demo.rehome.local");
  await page.getByRole("link", { name: /Loft conversion/ }).click();
  await page.getByRole("tab", { name: "Agent" }).click();
  await page.getByRole("button", { name: "Start a conversation" }).click();
  await page.getByLabel("Ask the assistant").fill("Give me a full overview of this project");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("answer").last()).toHaveAttribute("data-status", "cancelled", {
    timeout: 5000,
  });
  await expect(page.getByText("Stopped.")).toBeVisible();
});
