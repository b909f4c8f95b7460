// Every screen of every role on a phone (390 px), a tablet (820 px) and a laptop (1280 px):
// nothing is wider than the screen, with long words, links and file names in the data, and axe finds no serious or
// critical accessibility violation. Screenshots of each go to tests/e2e/screenshots.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { longProject } from "./long-data";
import { signIn, visit } from "./support";

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 820, height: 1180 },
  { name: "laptop", width: 1280, height: 800 },
];
const ROLES = ["admin", "team", "consultant", "client"] as const;
const ADMIN_SCREENS = ["people", "projects", "agent", "digest", "risks", "cost", "audit"];

let projectId = "";
let taskId = "";
test.beforeAll(async ({ baseURL }) => {
  ({ projectId, adminTaskId: taskId } = await longProject(baseURL ?? ""));
});

/** Waits for the screen to settle, then checks its width and accessibility and keeps a picture. */
async function check(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect.soft(width.scroll, `${name} is wider than the screen`).toBeLessThanOrEqual(width.client);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect.soft(serious, `${name} has accessibility violations`).toEqual([]);
  await page.screenshot({ path: `tests/e2e/screenshots/screens/${name}.png`, fullPage: true });
}

for (const size of WIDTHS) {
  test(`signed-out screens fit a ${size.name} and pass axe`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const route of ["/login", "/forgot-password", "/accept-invite?token=not.valid"]) {
      await visit(page, route);
      await check(page, `${size.name}-signed-out-${route.slice(1).split("?")[0]}`);
    }
  });

  for (const role of ROLES)
    test(`every screen of the ${role} fits a ${size.name} and passes axe`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await signIn(page, `${role}@demo.rehome.local`);
      const at = (screen: string) => `${size.name}-${role}-${screen}`;
      await check(page, at("projects"));
      const base = `/projects/${projectId}`;
      for (const tab of [
        "board",
        "messages",
        "files",
        "changes",
        "schedule",
        "site-log",
        "activity",
        "agent",
      ]) {
        await visit(page, `${base}/${tab}`);
        await check(page, at(tab));
      }
      await visit(page, `${base}/board?task=${taskId}`);
      await expect(page.getByRole("dialog")).toBeVisible();
      await check(page, at("task"));
      await visit(page, `${base}/files`);
      await page
        .getByRole("button", { name: /^Open photo/ })
        .first()
        .click();
      await expect(page.getByTestId("lightbox").getByRole("img")).toBeVisible();
      await check(page, at("lightbox"));
      await visit(page, "/projects/no-such-project");
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await check(page, at("not-found"));
      if (role !== "admin") return;
      for (const screen of ADMIN_SCREENS) {
        await visit(page, `/admin/${screen}`);
        await check(page, at(`admin-${screen}`));
      }
    });
}
