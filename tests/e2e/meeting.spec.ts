// A meeting summary in the browser: a team member pastes notes, the summary arrives live with its
// decisions and proposed tasks, and a proposed task is created only by its click.
import { expect, test } from "@playwright/test";
import { KITCHEN, openProject, signIn } from "./support";

test("pasted meeting notes become a summary whose proposed task is created with one click", async ({
  page,
}) => {
  await signIn(page, "team@demo.rehome.local");
  await openProject(page, KITCHEN, "Agent");
  const action = `Order the splashback tiles ${Date.now()}`;
  await page.getByLabel("Meeting title").fill("Tiling walk-through");
  await page.getByLabel("Meeting notes").fill(`Decision: grey grout throughout\nAction: ${action}`);
  await page.getByRole("button", { name: "Summarize meeting" }).click();

  const proposed = page
    .getByRole("list", { name: "Proposed tasks" })
    .getByRole("listitem")
    .filter({ hasText: action });
  await expect(proposed).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("grey grout throughout").first()).toBeVisible();
  await proposed.getByRole("button", { name: "Create task" }).click();
  await expect(proposed.getByText("Task created")).toBeVisible();

  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Board" })
    .click();
  await expect(page.getByTestId("column-todo").getByText(action)).toBeVisible();
});
