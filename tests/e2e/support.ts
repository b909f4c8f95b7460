// Helpers of the browser tests: demo people, signing in, opening a project, and screenshots
// for a human to look at (tests/e2e/screenshots, ignored by git).
import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const PASSWORD = "rehome-demo";
export const KITCHEN = /Kitchen remodel/;
export const LOFT = /Loft conversion/;

export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

/** A signed-in page in its own browser context, as a second person on another machine. */
export async function personIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

export async function openProject(page: Page, name: RegExp, tab = "Board") {
  await page.getByRole("link", { name }).click();
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: tab }).click();
  await expect(page.getByTestId("connection")).toHaveText("Live");
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
