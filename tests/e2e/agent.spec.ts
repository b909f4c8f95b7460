// The agent in the browser: an answer streams in over several frames, completes with
// citations that open the cited task or message, a second tab catches up mid-answer, Stop ends it, and
// refusals (limits, outage, switched off) each say what happened.
import { expect, type Page, test } from "@playwright/test";
import { KITCHEN, LOFT, openProject, personIn, routeOf, shot, signIn, startConversation } from "./support";

/**
 * The newest answer's text length and status at every animation frame, from now until it
 * completes (or a minute passes): what a reader sees frame by frame.
 */
function answerFrames(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ length: number; status: string }[]>((resolve) => {
        const frames: { length: number; status: string }[] = [];
        const tick = () => {
          const answer = [...document.querySelectorAll('[data-testid="answer"]')].at(-1);
          const status = answer?.getAttribute("data-status") ?? "none";
          frames.push({ length: answer?.textContent?.length ?? 0, status });
          if (status === "completed" || frames.length > 3600) resolve(frames);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

test("an answer streams in and completes with citations that open the task", async ({ page }) => {
  await signIn(page, "admin@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  const frames = answerFrames(page);
  await page.getByRole("button", { name: "Overdue by assignee" }).click();

  const answer = page.getByTestId("answer").last();
  await expect(answer).toHaveAttribute("data-status", "streaming");
  await expect.poll(async () => (await answer.innerText()).length).toBeGreaterThan(60);
  await shot(page, "agent-streaming");

  // The text grew over many frames while streaming, rather than arriving whole.
  const streamed = (await frames).filter((f) => f.status === "streaming").map((f) => f.length);
  const grew = streamed.filter((length, i) => i > 0 && length > (streamed[i - 1] ?? 0));
  expect(new Set(grew).size).toBeGreaterThanOrEqual(5);
  expect(Math.max(...streamed)).toBeGreaterThan(streamed.find((length) => length > 0) ?? 0);
  await expect(answer).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("question").last()).toHaveText("Overdue by assignee");
  await shot(page, "agent-answer");

  await answer.getByRole("link", { name: "↗ task" }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page).toHaveURL(/#\/projects\/[^/]+\/board\?task=/);
});

test("a message citation opens the cited message in the project's thread", async ({ page }) => {
  await signIn(page, "consultant@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  await page.getByRole("button", { name: "Summarize last 20 messages" }).click();
  const answer = page.getByTestId("answer").last();
  await expect(answer).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await answer.getByRole("link", { name: "↗ message" }).first().click();
  await expect(page).toHaveURL(/#\/projects\/[^/]+\/messages\?message=/);
  const cited = routeOf(page).searchParams.get("message");
  await expect(page.locator(`#message-${cited}`)).toHaveAttribute("aria-current", "true");
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

test("an admin asks the workspace agent, opens a cited task in its project and reads the weekly digest", async ({
  browser,
}) => {
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

  await admin.getByTestId("answer").last().getByRole("link", { name: "↗ task" }).first().click();
  await expect(admin).toHaveURL(/#\/projects\/[^/]+\/board\?task=/);
  await expect(admin.getByRole("dialog")).toBeVisible();
});

/** From now on the API refuses this page's questions with `status` and `code`. */
async function refuseQuestions(
  page: Page,
  status: number,
  code: string,
  message: string,
  retryAfter?: number,
) {
  await page.route("**/api/agent/threads/*/messages", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status,
          headers: {
            "Content-Type": "application/json",
            ...(retryAfter && { "Retry-After": String(retryAfter) }),
          },
          body: JSON.stringify({ error: { code, message, requestId: "r1" } }),
        })
      : route.fallback(),
  );
}

test("a refused question (rate limit) shows a clear blocked state that lifts itself", async ({ page }) => {
  await signIn(page, "client@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  // The limit is the API's (tested there); here only what the person sees when it answers 429.
  await refuseQuestions(page, 429, "rate_limited", "You are asking faster than the assistant allows.", 3);
  await page.getByRole("button", { name: "What changed today?" }).click();
  const blocked = page.getByTestId("agent-blocked");
  await expect(blocked).toContainText("Too many questions");
  await expect(blocked).toContainText("faster than the assistant allows");
  await expect(blocked).toContainText("You can ask again at");
  await expect(page.getByLabel("Ask the assistant")).toBeDisabled();
  await expect(page.getByRole("button", { name: "What changed today?" })).toBeDisabled();
  await shot(page, "agent-blocked");
  await expect(blocked).toHaveCount(0, { timeout: 6000 });
  await expect(page.getByLabel("Ask the assistant")).toBeEnabled();
});

test("a provider outage can be retried, while a switched-off assistant stays closed", async ({ page }) => {
  await signIn(page, "team@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  const blocked = page.getByTestId("agent-blocked");

  await refuseQuestions(page, 503, "agent.unavailable", "The assistant cannot answer right now.");
  await page.getByRole("button", { name: "My tasks this week" }).click();
  await expect(blocked).toContainText("The assistant is unavailable");
  await expect(blocked).toContainText("Try again in a moment.");
  await expect(page.getByLabel("Ask the assistant")).toBeDisabled();
  await shot(page, "agent-unavailable");
  await blocked.getByRole("button", { name: "Try again" }).click();
  await expect(blocked).toHaveCount(0);
  await expect(page.getByLabel("Ask the assistant")).toBeEnabled();

  await page.unroute("**/api/agent/threads/*/messages");
  await refuseQuestions(page, 503, "agent.disabled", "The assistant is switched off for now.");
  await page.getByRole("button", { name: "My tasks this week" }).click();
  await expect(blocked).toContainText("The assistant is switched off");
  await expect(blocked).toContainText("Ask an admin when it will be back.");
  await expect(blocked.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByLabel("Ask the assistant")).toBeDisabled();
});

test("a conversation is named by its first question, says who answered, and can be archived and restored", async ({
  page,
}) => {
  await signIn(page, "team@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  const question = "Is anything blocking the worktop?";
  await page.getByLabel("Ask the assistant").fill(question);
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  const answer = page.getByTestId("answer").last();
  await expect(answer).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(answer.getByTestId("answered-by")).toHaveText("Answered by the offline assistant");
  const conversations = page.getByRole("complementary", { name: "Conversations" });
  const link = conversations.getByRole("link", { name: question });
  await expect(link).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(conversations.getByRole("link", { name: question })).toHaveCount(0);
  await conversations.getByRole("button", { name: "Archived conversations" }).click();
  await conversations.getByRole("link", { name: question }).click();
  await expect(page.getByText("This conversation is archived. Restore it to ask again.")).toBeVisible();
  await expect(page.getByLabel("Ask the assistant")).toBeDisabled();
  await expect(page.getByTestId("question")).toHaveText(question);

  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByLabel("Ask the assistant")).toBeEnabled();
  await expect(conversations.getByRole("link", { name: question })).toBeVisible();
});
