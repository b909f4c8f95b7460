// A project's activity in the browser: what someone else does appears in the feed live.
import { expect, test } from "@playwright/test";
import { LOFT, openProject, personIn, shot } from "./support";

test("a change made by someone else appears in the activity feed without a reload", async ({ browser }) => {
  const consultant = await personIn(browser, "consultant@demo.rehome.local");
  const team = await personIn(browser, "team@demo.rehome.local");
  await openProject(consultant, LOFT, "Activity");
  await openProject(team, LOFT);
  await expect(consultant.getByTestId("activity").first()).toBeVisible();

  await team.getByLabel("New task").fill("Order the dormer window");
  await team.getByRole("button", { name: "Add" }).click();
  await expect(consultant.getByTestId("activity").first()).toContainText("Order the dormer window");
  await expect(consultant.getByTestId("activity").first()).toContainText("Tom Team");
  await shot(consultant, "activity");
});
