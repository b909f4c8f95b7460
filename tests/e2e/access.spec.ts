// Who sees what: each demo person sees exactly their projects, and nobody reaches another
// project or the admin area by typing its URL.
import { type Browser, expect, test } from "@playwright/test";
import { LOFT, shot, signIn } from "./support";

const ALL = ["Bathroom refit — Oak Avenue", "Kitchen remodel — Elm Street", "Loft conversion — Birch Lane"];
const VISIBLE: Record<string, string[]> = {
  "admin@demo.rehome.local": ALL,
  "team@demo.rehome.local": ALL,
  "consultant@demo.rehome.local": ["Kitchen remodel — Elm Street", "Loft conversion — Birch Lane"],
  "client@demo.rehome.local": ["Kitchen remodel — Elm Street"],
  "admin@northwind.rehome.local": ["Warehouse roof repair"],
};

/** Where the demo admin finds the Loft project: a URL the others may try to type. */
async function loftPath(browser: Browser) {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.rehome.local");
  await admin.getByRole("link", { name: LOFT }).click();
  await expect(admin.getByRole("heading", { name: LOFT })).toBeVisible();
  const path = new URL(admin.url()).pathname;
  await admin.close();
  return path;
}

for (const [email, projects] of Object.entries(VISIBLE)) {
  test(`${email} sees exactly ${projects.length} project(s)`, async ({ page }) => {
    await signIn(page, email);
    const names = page.getByRole("list", { name: "Projects" }).getByRole("heading");
    await expect(names).toHaveCount(projects.length);
    expect((await names.allTextContents()).sort()).toEqual(projects);
    const [who, domain] = email.split("@");
    await shot(page, `projects-${who}-${domain?.split(".")[0]}`);
  });
}

test("a client sees neither another project nor the admin area, even by URL", async ({ page, browser }) => {
  const loftUrl = await loftPath(browser);

  await signIn(page, "client@demo.rehome.local");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  await page.goto(loftUrl);
  await expect(page.getByRole("alert")).toContainText("Not found");
  await expect(page.getByText("Loft conversion")).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  for (const path of ["/admin/agent", "/admin/cost"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await expect(page.getByText("Admin agent")).toHaveCount(0);
  await expect(page.getByTestId("month-cost")).toHaveCount(0);
});

test("an admin of another workspace gets not-found for a demo project", async ({ page, browser }) => {
  const loftUrl = await loftPath(browser);

  await signIn(page, "admin@northwind.rehome.local");
  await page.goto(loftUrl);
  await expect(page.getByRole("alert")).toContainText("Not found");
});

test("signing out ends the session and protected pages ask to sign in", async ({ page }) => {
  await signIn(page, "team@demo.rehome.local");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill("team@demo.rehome.local");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("incorrect");
  await shot(page, "login-error");
});

test("the production build loads without console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "consultant@demo.rehome.local");
  await page.getByRole("link", { name: /Kitchen remodel/ }).click();
  await expect(page.getByTestId("connection")).toHaveText("Live");
  await page.getByRole("link", { name: "Agent" }).click();
  await expect(page.getByRole("heading", { name: "Daily digest" })).toBeVisible();
  expect(errors).toEqual([]);
});
