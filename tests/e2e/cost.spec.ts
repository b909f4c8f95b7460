// The cost of the assistant in the browser: an admin's cost widget counts answers as they
// are given and shows the spend by model, budgets are kept, a spent budget refuses new
// questions with a clear notice, and an admin chooses the workspace's model from those offered.

import { expect, type Page, test } from "@playwright/test";
import { createClient } from "@rehome/client";
import { PORT } from "./stack";
import { emailedLink, KITCHEN, openProject, PASSWORD, personIn, shot, startConversation } from "./support";

const NO_LIMITS = { userDailyCents: 0, workspaceDailyCents: 0, workspaceMonthlyCents: 0 };

// Whatever a test leaves behind, the other suites run without budgets.
test.afterEach(async () => {
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const { token, user } = await createClient({ baseUrl }).login({
    email: "admin@demo.rehome.local",
    password: PASSWORD,
  });
  await createClient({ baseUrl, token }).setBudgets(user.workspaceId, NO_LIMITS);
});

async function openCost(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page
    .getByRole("navigation", { name: "Admin sections" })
    .getByRole("link", { name: "Cost & budgets" })
    .click();
  await expect(page.getByTestId("month-cost")).toBeVisible();
}

/** Asks one question in a fresh conversation of the project's agent and waits for the answer. */
async function askAndWait(page: Page, question: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  await page.getByRole("button", { name: question }).click();
  await expect(page.getByTestId("question").last()).toHaveText(question);
  await expect(page.getByTestId("answer").last()).toHaveAttribute("data-status", "completed", {
    timeout: 30_000,
  });
}

const answersCount = async (page: Page) =>
  Number((await page.getByRole("definition").first().innerText()).replace(/\D/g, ""));

test("an admin sees this month's cost rise above zero after answers, day by day", async ({ browser }) => {
  const admin = await personIn(browser, "admin@demo.rehome.local");
  await openCost(admin);
  const before = await answersCount(admin);

  await askAndWait(admin, "What changed today?");
  await openCost(admin);
  await expect.poll(() => answersCount(admin)).toBeGreaterThan(before);
  await expect(admin.getByTestId("month-cost")).toHaveText(/^\$\d+\.\d+$/);
  await expect(admin.getByTestId("month-cost")).not.toHaveText("$0.00");
  const today = admin.locator(`[data-testid=cost-bar][data-date="${new Date().toISOString().slice(0, 10)}"]`);
  expect(Number(await today.getAttribute("data-cents"))).toBeGreaterThan(0);
  await expect(admin.getByRole("img", { name: /Spend per day in .*: highest \$/ })).toBeVisible();
  await admin.getByText("Daily figures").click();
  await expect(admin.getByRole("group").getByRole("table").getByRole("row")).not.toHaveCount(1);
  // Offline answers (no API key here) are spent by the offline assistant.
  await expect(admin.getByRole("table", { name: "Spend by model" })).toContainText("offline assistant");
  await expect(admin.getByTestId("budget-state")).toHaveText("Within budget");
  await shot(admin, "admin-cost");
});

test("budgets an admin saves are kept and measured against the spend", async ({ browser }) => {
  const admin = await personIn(browser, "admin@demo.rehome.local");
  await openCost(admin);
  const form = admin.getByRole("form", { name: "Budgets" });
  await form.getByLabel("Workspace per day ($)").fill("5");
  await form.getByLabel("Workspace per month ($)").fill("120.5");
  await form.getByRole("button", { name: "Save budgets" }).click();
  await expect(form.getByRole("status")).toHaveText("Budgets saved.");

  await admin.reload();
  await expect(form.getByLabel("Workspace per day ($)")).toHaveValue("5");
  await expect(form.getByLabel("Workspace per month ($)")).toHaveValue("120.5");
  await expect(form.getByLabel("Per person per day ($)")).toHaveValue("0");
  await expect(admin.getByRole("meter", { name: "Workspace today" })).toHaveAttribute(
    "aria-valuetext",
    /of \$5\.00$/,
  );
  await expect(admin.getByRole("meter", { name: "Workspace this month" })).toHaveAttribute(
    "aria-valuetext",
    /of \$120\.50$/,
  );
});

test("once the day's budget is spent a question is refused and says why", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  await askAndWait(team, "My tasks this week");

  const admin = await personIn(browser, "admin@demo.rehome.local");
  await openCost(admin);
  // A hundredth of a cent: one answer already spent more than that today.
  await admin.getByLabel("Per person per day ($)").fill("0.0001");
  await admin.getByRole("button", { name: "Save budgets" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Budgets saved." })).toBeVisible();

  await team.getByRole("button", { name: "What changed today?" }).click();
  const blocked = team.getByTestId("agent-blocked");
  await expect(blocked).toContainText("The AI budget is spent");
  await expect(blocked).toContainText("An admin can raise it.");
  await expect(team.getByLabel("Ask the assistant")).toBeDisabled();
  await shot(team, "agent-budget-spent");
});

test("the budget warning email's link opens the cost page", async ({ browser }) => {
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const { token, user } = await createClient({ baseUrl }).login({
    email: "admin@demo.rehome.local",
    password: PASSWORD,
  });
  const api = createClient({ baseUrl, token });
  const spentToday = async () => (await api.usage(user.workspaceId)).spent.workspaceTodayCents;
  const admin = await personIn(browser, "admin@demo.rehome.local");
  const before = await spentToday();
  await askAndWait(admin, "What changed today?");
  const spent = await spentToday();
  const cost = spent - before;
  // A day's budget whose 80% lies about half an answer ahead, and its 100% beyond the next
  // answer, whatever earlier suites spent: the same question again crosses 80% and no more.
  const low = Math.max(1.25 * spent, spent + cost);
  const high = 1.25 * (spent + cost);
  await api.setBudgets(user.workspaceId, { ...NO_LIMITS, workspaceDailyCents: (low + high) / 2 });
  await askAndWait(admin, "What changed today?");

  await admin.goto(await emailedLink("admin@demo.rehome.local", "/admin/cost"));
  await expect(admin.getByTestId("month-cost")).toBeVisible();
  await expect(admin.getByTestId("budget-state")).toHaveText("Over 80% of a budget");
});

test("an admin chooses the workspace's model from those offered, with their prices", async ({ browser }) => {
  const admin = await personIn(browser, "admin@demo.rehome.local");
  await openCost(admin);
  const form = admin.getByRole("form", { name: "AI model" });
  await expect(form.getByLabel("Model")).toHaveValue("claude-sonnet-5-5");
  await expect(form).toContainText(
    "claude-haiku-5: $0.80 in, $4.00 out, cache $1.00 write / $0.08 read per million tokens",
  );
  await form.getByLabel("Model").selectOption("claude-haiku-5");
  await form.getByRole("button", { name: "Use this model" }).click();
  await expect(form.getByRole("status")).toHaveText("Model saved.");
  await admin.reload();
  await expect(admin.getByRole("form", { name: "AI model" }).getByLabel("Model")).toHaveValue(
    "claude-haiku-5",
  );
  await admin.getByRole("form", { name: "AI model" }).getByLabel("Model").selectOption("claude-sonnet-5-5");
  await admin.getByRole("button", { name: "Use this model" }).click();
  await expect(admin.getByRole("form", { name: "AI model" }).getByRole("status")).toHaveText("Model saved.");
});
