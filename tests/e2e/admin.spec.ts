// The admin area in the browser: inviting a person who joins from the emailed link, assigning
// them to a project, the audit log, deactivation ending a session at once, and a password
// reset by email.
import { expect, type Page, test } from "@playwright/test";
import { emailedLink, fitsAndPassesAxe, KITCHEN, personIn, shot, visit } from "./support";

const NEWCOMER = {
  email: "nina.newcomer@example.com",
  name: "Nina Newcomer",
  password: "tiles-and-grout-42",
};

async function adminTab(page: Page, tab: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: tab }).click();
}

test("an invited person joins, is assigned a project, and is cut off when deactivated", async ({
  browser,
}) => {
  const admin = await personIn(browser, "admin@demo.rehome.local");
  await adminTab(admin, "People");
  const invite = admin.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(NEWCOMER.email);
  await invite.getByLabel("Role").selectOption("client");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByTestId("invite").filter({ hasText: NEWCOMER.email })).toContainText("Waiting");
  await shot(admin, "admin-people");

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(await emailedLink(NEWCOMER.email, "/accept-invite?token="));
  await newcomer.getByLabel("Your name").fill(NEWCOMER.name);
  await newcomer.getByLabel("New password").fill(NEWCOMER.password);
  await newcomer.getByLabel("Repeat it").fill(NEWCOMER.password);
  await newcomer.getByRole("button", { name: "Join" }).click();
  await expect(newcomer.getByText("No projects are shared with you yet.")).toBeVisible();

  await adminTab(admin, "Projects");
  await admin.getByRole("navigation", { name: "Projects" }).getByRole("button", { name: KITCHEN }).click();
  const assign = admin.getByRole("form", { name: "Assign someone" });
  await assign.getByLabel("Person").selectOption({ label: `${NEWCOMER.name} (client)` });
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(admin.getByTestId("assignment").filter({ hasText: NEWCOMER.name })).toBeVisible();
  await shot(admin, "admin-projects");

  await newcomer.reload();
  await expect(newcomer.getByRole("link", { name: KITCHEN })).toBeVisible();

  await adminTab(admin, "Audit log");
  await expect(admin.getByTestId("audit-entry").filter({ hasText: NEWCOMER.email }).first()).toBeVisible();
  await shot(admin, "admin-audit");

  await adminTab(admin, "People");
  await admin
    .getByTestId("person")
    .filter({ hasText: NEWCOMER.email })
    .getByRole("button", { name: "Deactivate" })
    .click();
  const confirm = admin.getByRole("alertdialog", { name: `Deactivate ${NEWCOMER.name}?` });
  await expect(confirm).toContainText("signed out everywhere");
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved" })).toContainText(
    `${NEWCOMER.name} is deactivated`,
  );
  await expect(admin.getByTestId("person").filter({ hasText: NEWCOMER.email })).toContainText("Deactivated");
  // Their socket is closed and its reconnect refused: the open page signs itself out.
  await expect(newcomer.getByRole("heading", { name: "Sign in" })).toBeVisible({ timeout: 15_000 });
});

test("a project with nobody left to assign says so and points to People", async ({ browser }) => {
  // Northwind's only person is its admin, on every project by that role: nobody to offer.
  const admin = await personIn(browser, "admin@northwind.rehome.local");
  await adminTab(admin, "Projects");
  const section = admin.getByRole("region", { name: "People on Warehouse roof repair" });
  await expect(section).toContainText("Nobody else can be assigned here.");
  await expect(section.getByRole("form", { name: "Assign someone" })).toHaveCount(0);
  await admin.setViewportSize({ width: 390, height: 844 });
  await fitsAndPassesAxe(admin, "a project with nobody left to assign, on a phone");
  await section.getByRole("link", { name: "People" }).click();
  await expect(admin).toHaveURL(/\/admin\/people$/);
  await expect(admin.getByRole("form", { name: "Invite someone" })).toBeVisible();
});

test("a forgotten password is reset from the emailed link", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const email = "consultant@demo.rehome.local";
  await visit(page, "/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("on its way");

  await page.goto(await emailedLink(email, "/reset-password?token="));
  await page.getByLabel("New password").fill("long-enough-1");
  await page.getByLabel("Repeat it").fill("long-enough-2");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByRole("alert")).toHaveText("The two passwords differ.");
  // Back to the demo password, so the other tests can still sign in.
  await page.getByLabel("New password").fill("rehome-demo");
  await page.getByLabel("Repeat it").fill("rehome-demo");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByRole("status")).toContainText("password is changed");
  await personIn(browser, email);
});
