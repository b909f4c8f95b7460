// The agent in the browser: an answer streams in over several frames, completes with
// citations that open the cited task, a second tab catches up mid-answer, and Stop ends it.
import { expect, type Page, test } from "@playwright/test";
import { KITCHEN, LOFT, openProject, personIn, shot, signIn } from "./support";

/** Opens a fresh thread; others' threads of the project may already be listed. */
async function startConversation(page: Page) {
  const before = page.url();
  await page.getByRole("button", { name: /Start a conversation|New conversation/ }).click();
  await expect(page).not.toHaveURL(before);
  await expect(page.getByRole("log", { name: "Conversation" })).toContainText("Pick a quick prompt");
}

test("an answer streams in and completes with citations that open the task", async ({ page }) => {
  await signIn(page, "admin@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  await page.getByRole("button", { name: "Overdue by assignee" }).click();

  const answer = page.getByTestId("answer").last();
  const lengths: number[] = [];
  await expect
    .poll(
      async () => {
        lengths.push((await answer.innerText()).length);
        return answer.getAttribute("data-status");
      },
      { timeout: 30_000, intervals: [50] },
    )
    .toBe("completed");
  // The text grew over several frames rather than arriving whole.
  expect(new Set(lengths.filter((n) => n > 10)).size).toBeGreaterThan(2);
  await expect(page.getByTestId("question").last()).toHaveText("Overdue by assignee");
  await shot(page, "agent-answer");

  await answer.getByRole("link", { name: "↗ task" }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page).toHaveURL(/\/board\?task=/);
});

test("a second tab opened mid-answer catches up and shows the same answer", async ({ page, browser }) => {
  await signIn(page, "team@demo.rehome.local");
  await openProject(page, LOFT, "Agent");
  await startConversation(page);
  await page.getByLabel("Ask the assistant").fill("Give me an overview of this project");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(page.getByTestId("answer").last()).toHaveAttribute("data-status", "streaming");

  const second = await (
    await browser.newContext({ storageState: await page.context().storageState() })
  ).newPage();
  await second.goto(page.url());
  const there = second.getByTestId("answer").last();
  const here = page.getByTestId("answer").last();
  await expect(there).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(here).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  expect(await there.innerText()).toBe(await here.innerText());
});

test("Stop ends a streaming answer and Retry asks again", async ({ page }) => {
  await signIn(page, "consultant@demo.rehome.local");
  await openProject(page, LOFT, "Agent");
  await startConversation(page);
  await page.getByLabel("Ask the assistant").fill("Give me a full overview of this project");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  await page.getByRole("button", { name: "Stop" }).click();
  const answer = page.getByTestId("answer").last();
  await expect(answer).toHaveAttribute("data-status", "cancelled", { timeout: 5000 });
  await expect(answer.getByText("Stopped.")).toBeVisible();

  await answer.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("answer")).toHaveCount(2);
  await expect(page.getByTestId("answer").last()).toHaveAttribute("data-status", "completed", {
    timeout: 30_000,
  });
});

test("an admin asks the workspace agent and reads the weekly digest", async ({ browser }) => {
  const admin = await personIn(browser, "admin@demo.rehome.local");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(admin.getByRole("heading", { name: "Admin" })).toBeVisible();
  await startConversation(admin);
  await admin.getByRole("button", { name: "Blocked tasks" }).click();
  await expect(admin.getByTestId("answer").last()).toHaveAttribute("data-status", "completed", {
    timeout: 30_000,
  });
  await expect(admin.getByRole("heading", { name: "Weekly digest" })).toBeVisible();
  await shot(admin, "admin-agent");
});
