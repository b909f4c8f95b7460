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
  await admin
    .getByRole("navigation", { name: "Admin sections" })
    .getByRole("link", { name: "Admin agent" })
    .click();
  await startConversation(admin);
  await admin.getByRole("button", { name: "Blocked tasks" }).click();
  await expect(admin.getByTestId("answer").last()).toHaveAttribute("data-status", "completed", {
    timeout: 30_000,
  });
  await expect(admin.getByRole("heading", { name: "Weekly digest" })).toBeVisible();
  await shot(admin, "admin-agent");
});

test("a refused question (rate limit) shows a clear blocked state that lifts itself", async ({ page }) => {
  await signIn(page, "client@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  // The limit is the API's (tested there); here only what the person sees when it answers 429.
  await page.route("**/api/agent/threads/*/messages", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status: 429,
          headers: { "Content-Type": "application/json", "Retry-After": "3" },
          body: JSON.stringify({
            error: {
              code: "rate_limited",
              message: "You are asking faster than the assistant allows.",
              requestId: "r1",
            },
          }),
        })
      : route.fallback(),
  );
  await page.getByRole("button", { name: "What changed today?" }).click();
  const blocked = page.getByTestId("agent-blocked");
  await expect(blocked).toContainText("faster than the assistant allows");
  await expect(blocked).toContainText("You can ask again at");
  await expect(page.getByLabel("Ask the assistant")).toBeDisabled();
  await expect(page.getByRole("button", { name: "What changed today?" })).toBeDisabled();
  await shot(page, "agent-blocked");
  await expect(blocked).toHaveCount(0, { timeout: 6000 });
  await expect(page.getByLabel("Ask the assistant")).toBeEnabled();
});
