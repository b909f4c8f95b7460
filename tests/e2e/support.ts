// Helpers of the browser tests: sign in as a demo person, and screenshots for a human to look at.
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const PASSWORD = "rehome-demo";

export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
