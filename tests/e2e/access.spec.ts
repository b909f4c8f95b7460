// Who sees what: each demo person sees exactly their projects, and nobody reaches another
// project or the admin area by typing its URL. Also how the app is addressed: routes in the URL
// fragment, the SPA opened as index.html the way AWS serves it.
import { type Browser, expect, test } from "@playwright/test";
import { KITCHEN, LOFT, routeOf, shot, signIn, visit } from "./support";

const ALL = ["Bathroom refit — Oak Avenue", "Kitchen remodel — Elm Street", "Loft conversion — Birch Lane"];
const VISIBLE: Record<string, string[]> = {
  "admin@demo.rehome.local": ALL,
  "team@demo.rehome.local": ALL,
  "consultant@demo.rehome.local": ["Kitchen remodel — Elm Street", "Loft conversion — Birch Lane"],
  "client@demo.rehome.local": ["Kitchen remodel — Elm Street"],
  "admin@northwind.rehome.local": ["Warehouse roof repair"],
};

/** Where the demo admin finds the Loft project: a route the others may try to type. */
async function loftRoute(browser: Browser) {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.rehome.local");
  await admin.getByRole("link", { name: LOFT }).click();
  await expect(admin.getByRole("heading", { name: LOFT })).toBeVisible();
  const route = routeOf(admin).pathname;
  await admin.close();
  return route;
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
  const loft = await loftRoute(browser);

  await signIn(page, "client@demo.rehome.local");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  await visit(page, loft);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("Loft conversion")).toHaveCount(0);
  await visit(page, "/admin");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  for (const route of ["/admin/agent", "/admin/cost"]) {
    await visit(page, route);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await expect(page.getByText("Admin agent")).toHaveCount(0);
  await expect(page.getByTestId("month-cost")).toHaveCount(0);
});

test("an admin of another workspace gets not-found for a demo project", async ({ page, browser }) => {
  const loft = await loftRoute(browser);

  await signIn(page, "admin@northwind.rehome.local");
  await visit(page, loft);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
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

test("the app opens from index.html as the S3 REST endpoint serves it, every route in the fragment", async ({
  page,
  request,
}) => {
  await signIn(page, "consultant@demo.rehome.local", "/index.html");
  await page.getByRole("link", { name: KITCHEN }).click();
  await expect(page).toHaveURL(/\/index\.html#\/projects\/[^/]+\/board$/);
  // A reload asks the server for index.html only, and lands on the same screen.
  await page.reload();
  await expect(page.getByRole("heading", { name: KITCHEN })).toBeVisible();
  expect(routeOf(page).pathname).toMatch(/^\/projects\/[^/]+\/board$/);
  // Like S3, the server answers files only: a path-style route was never a link that works.
  expect((await request.get(routeOf(page).pathname)).status()).toBe(404);
});

test("the runtime config is fetched beside the scripts, once: the first render waits for it", async ({
  page,
}) => {
  // The entry script arrives only once config.json was asked for: were it asked for by the
  // script, as before, the page would never render.
  const configs: string[] = [];
  let asked: () => void = () => undefined;
  const configAsked = new Promise<void>((resolve) => {
    asked = resolve;
  });
  page.on("request", (r) => {
    if (new URL(r.url()).pathname !== "/config.json") return;
    configs.push(r.url());
    asked();
  });
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await configAsked;
    await route.continue();
  });
  await visit(page, "/login");
  await expect(page.getByLabel("Email")).toBeVisible();
  expect(configs).toHaveLength(1);
});
