// Risks & Blockers in the browser: an admin finds a blocked task under its group with the reason,
// refreshes the assistant's notes and sees them arrive live, and clicks through to the task on
// its board; the tab passes axe and fits a phone.
import { expect, test } from "@playwright/test";
import { createClient } from "@rehome/client";
import { fitsAndPassesAxe, KITCHEN, PASSWORD, routeOf, signIn, visit } from "./support";

const TITLE = `Skip permit from the council ${Date.now()}`;
let projectId = "";
let taskId = "";

test.beforeAll(async ({ baseURL }) => {
  const { token } = await createClient({ baseUrl: baseURL ?? "" }).login({
    email: "admin@demo.rehome.local",
    password: PASSWORD,
  });
  const admin = createClient({ baseUrl: baseURL ?? "", token });
  const kitchen = (await admin.projects.list()).items.find((p) => KITCHEN.test(p.name));
  projectId = kitchen?.id ?? "";
  taskId = (await admin.tasks.create(projectId, { title: TITLE, status: "blocked" })).id;
});

test("an admin sees a blocked task with its reason, refreshes the assistant's notes live and opens the task", async ({
  page,
}) => {
  await signIn(page, "admin@demo.rehome.local");
  await visit(page, "/admin/risks");
  await expect(page.getByRole("heading", { name: "Risks & Blockers" })).toBeVisible();
  const blocked = page.getByTestId("risks-blocked");
  const item = blocked.getByRole("listitem").filter({ hasText: TITLE });
  await expect(item).toContainText("Blocked since today");
  await expect(item).toContainText("Kitchen remodel");

  await page.getByRole("button", { name: "Refresh" }).click();
  // The offline assistant's note arrives with the report's announcement, no reload.
  await expect(page.getByText("The assistant's new report is in.")).toBeVisible({ timeout: 20_000 });
  await expect(item).toContainText("Find out what it waits for and who can clear it.");
  await expect(page.getByText(/^Notes by the assistant ·/)).toBeVisible();

  await item.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("dialog")).toContainText(TITLE);
  expect(routeOf(page).pathname).toBe(`/projects/${projectId}/board`);
  expect(routeOf(page).searchParams.get("task")).toBe(taskId);
});

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
])
  test(`the tab fits ${size.width} px and passes axe`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page, "admin@demo.rehome.local");
    await visit(page, "/admin/risks");
    await expect(page.getByTestId("risks-blocked")).toContainText(TITLE);
    await fitsAndPassesAxe(page, "the Risks & Blockers tab");
    await page.screenshot({ path: `tests/e2e/screenshots/risks-${size.width}.png`, fullPage: true });
  });
