// The web app as a homeowner on a phone and a project manager on a laptop meet it, one test per
// defect of issue 15: long links, typing ahead, admins as assignees, phones, words for codes,
// invitations, editing, dead ends, photos, conversation names, and the small things.
import { expect, type Page, test } from "@playwright/test";
import { LONG_LINK, longProject, PROJECT, png } from "./long-data";
import { emailedLink, personIn, shot, signIn, startConversation, visit } from "./support";

const PHONE = { width: 390, height: 844 };
let projectId = "";
let adminTaskId = "";
test.beforeAll(async ({ baseURL }) => {
  ({ projectId, adminTaskId } = await longProject(baseURL ?? ""));
});
const tab = (name: string) => `/projects/${projectId}/${name}`;

const pageWidth = (page: Page) =>
  page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));

test("a 180-character link wraps in Messages on a phone, opens as a link, and Send stays on screen", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "client@demo.rehome.local");
  await visit(page, tab("messages"));
  const link = page.getByRole("link", { name: LONG_LINK });
  await expect(link).toHaveAttribute("href", LONG_LINK);
  await expect(link).toHaveAttribute("target", "_blank");
  const { scroll, client } = await pageWidth(page);
  expect(scroll).toBeLessThanOrEqual(client);
  const send = await page.getByRole("button", { name: "Send" }).boundingBox();
  expect((send?.x ?? 0) + (send?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);

  // The assistant quotes the message, link and all: it wraps inside the answer too.
  await visit(page, tab("agent"));
  await startConversation(page);
  await page.getByRole("button", { name: "Summarize last 20 messages" }).click();
  const answer = page.getByTestId("answer").last();
  await expect(answer).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(answer).toContainText("very-long-path-segment");
  const after = await pageWidth(page);
  expect(after.scroll).toBeLessThanOrEqual(after.client);
  const bubble = await answer.boundingBox();
  expect((bubble?.x ?? 0) + (bubble?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
});

test("the next title typed while a task saves stays in the box, and an empty one is explained", async ({
  page,
}) => {
  await signIn(page, "team@demo.rehome.local");
  await page.route("**/api/projects/*/tasks", async (route) => {
    if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await visit(page, tab("board"));
  const box = page.getByLabel("New task");
  await box.fill("Measure the hallway");
  await box.press("Enter");
  await box.pressSequentially("Paint the hallway");
  await expect(page.getByTestId("column-todo").getByText("Measure the hallway")).toBeVisible();
  await expect(box).toHaveValue("Paint the hallway");

  await box.fill("   ");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("alert")).toHaveText("Type a title for the task first.");
  await expect(box).toHaveAttribute("aria-invalid", "true");
});

test("a task assigned to an admin names the admin on its card and in its drawer, for a client too", async ({
  page,
}) => {
  await signIn(page, "client@demo.rehome.local");
  await visit(page, `${tab("board")}?task=${adminTaskId}`);
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByLabel("Assignee").locator("option:checked")).toHaveText(/^Ada Admin/);
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("task-card").filter({ hasText: "Ada Admin" })).toHaveCount(1);
});

test("on a phone, People are cards with role and Deactivate in view, the header is one row and the admin tabs scroll", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "admin@demo.rehome.local");
  await visit(page, "/admin/people");
  const tom = page.getByTestId("person").filter({ hasText: "team@demo.rehome.local" });
  const deactivate = await tom.getByRole("button", { name: "Deactivate" }).boundingBox();
  expect((deactivate?.x ?? 0) + (deactivate?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
  const email = await tom.getByText("team@demo.rehome.local").boundingBox();
  // Its column's name and one line, not a letter per line.
  expect(email?.height ?? 0).toBeLessThan(50);
  const role = await tom.getByLabel("Role of Tom Team").boundingBox();
  expect(role?.width ?? 0).toBeGreaterThan(150);
  expect((await page.getByRole("banner").boundingBox())?.height ?? 0).toBeLessThan(64);
  const tabs = page.getByRole("navigation", { name: "Admin sections" });
  expect(await tabs.evaluate((nav) => nav.scrollWidth > nav.clientWidth)).toBe(true);
  await tabs.getByRole("link", { name: "Audit log" }).scrollIntoViewIfNeeded();
  await expect(tabs.getByRole("link", { name: "Audit log" })).toBeInViewport();
  const { scroll, client } = await pageWidth(page);
  expect(scroll).toBeLessThanOrEqual(client);
});

test("on a phone, a project opened at its last tab shows that tab in the strip, and the page stays at the top", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "team@demo.rehome.local");
  await visit(page, tab("agent"));
  const strip = page.getByRole("navigation", { name: "Project sections" });
  expect(await strip.evaluate((nav) => nav.scrollWidth > nav.clientWidth)).toBe(true);
  const open = strip.getByRole("link", { name: "Agent" });
  await expect(open).toHaveAttribute("aria-current", "page");
  await expect
    .poll(async () => {
      const [box, link] = await Promise.all([strip.boundingBox(), open.boundingBox()]);
      return Boolean(box && link && link.x >= box.x && link.x + link.width <= box.x + box.width);
    })
    .toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await shot(page, "phone-last-tab");
});

test("statuses, priorities, roles and audit actions read as words, and not-found shows no code", async ({
  page,
  browser,
}) => {
  await signIn(page, "team@demo.rehome.local");
  await visit(page, tab("board"));
  await page.getByLabel("New task").fill("Hang the hallway mirror");
  await page.getByLabel("New task").press("Enter");
  const card = page.getByTestId("task-card").filter({ hasText: "Hang the hallway mirror" });
  await expect(card).toContainText("Medium");
  await card.getByRole("button").click();
  await page.getByRole("dialog").getByLabel("Status").selectOption({ label: "In progress" });
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("column-in_progress").getByText("Hang the hallway mirror")).toBeVisible();
  await visit(page, tab("activity"));
  await expect(page.getByTestId("activity").first()).toContainText(
    'Moved "Hang the hallway mirror" to In progress',
  );
  await expect(page.getByText("in_progress")).toHaveCount(0);
  await visit(page, "/projects/no-such-project");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText(/Reference|req_|quote/)).toHaveCount(0);

  const admin = await personIn(browser, "admin@demo.rehome.local");
  await visit(admin, "/admin/audit");
  await expect(
    admin.getByTestId("audit-entry").filter({ hasText: "Added to a project" }).first(),
  ).toBeVisible();
  await expect(admin.getByText("assignment.added")).toHaveCount(0);
});

test("an invitation names the workspace and inviter and fills in the name; a replaced link says so at once; a withdrawn one leaves the list", async ({
  browser,
}) => {
  const email = "piet.preview@example.com";
  const admin = await personIn(browser, "admin@demo.rehome.local");
  await visit(admin, "/admin/people");
  const form = admin.getByRole("form", { name: "Invite someone" });
  await expect(form.getByRole("combobox", { name: "Role", exact: true })).toBeVisible();
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name (optional)").fill("Piet Preview");
  await form.getByLabel(PROJECT).check();
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByTestId("invite").filter({ hasText: email })).toContainText("Waiting");
  const firstLink = await emailedLink(email, "/accept-invite?token=");

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(firstLink);
  await expect(invitee.getByRole("heading", { name: "Join Demo Renovations" })).toBeVisible();
  await expect(invitee.getByText(/Ada Admin invited you/)).toBeVisible();
  await expect(invitee.getByLabel("Your name")).toHaveValue("Piet Preview");

  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(email);
  await invitee.reload();
  await expect(invitee.getByRole("heading", { name: "This invitation can't be used" })).toBeVisible();
  await expect(invitee.getByLabel("Your name")).toHaveCount(0);
  await invitee.getByRole("link", { name: "Go to sign in" }).click();
  await expect(invitee.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await admin
    .getByTestId("invite")
    .filter({ hasText: email })
    .getByRole("button", { name: "Withdraw" })
    .click();
  await expect(admin.getByTestId("invite").filter({ hasText: email })).toHaveCount(0);
});

test("Edit puts the caret in the box, Enter saves, and Save and Cancel are in view", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "consultant@demo.rehome.local");
  await visit(page, tab("messages"));
  const composer = page.getByLabel("Message", { exact: true });
  await composer.fill("Skirting boards arrive Monday");
  await composer.press("Enter");
  const mine = page.getByTestId("message").filter({ hasText: "Skirting boards arrive Monday" });
  await mine.getByRole("button", { name: "Edit" }).click();
  const box = mine.getByLabel("Edit message");
  await expect(box).toBeFocused();
  await expect(mine.getByRole("button", { name: "Save" })).toBeInViewport();
  await expect(mine.getByRole("button", { name: "Cancel" })).toBeInViewport();
  await box.press("End");
  await box.pressSequentially(" and Tuesday");
  await box.press("Enter");
  await expect(mine).toContainText("Skirting boards arrive Monday and Tuesday");
  await expect(mine).toContainText("edited");
  await expect(mine.getByLabel("Edit message")).toHaveCount(0);
});

test("dead ends: a cited task that is gone says so; every not-found page looks alike, leads back, and a missing project is asked for once", async ({
  page,
}) => {
  await signIn(page, "team@demo.rehome.local");
  await visit(page, `${tab("board")}?task=no-such-task`);
  await expect(page.getByRole("status").filter({ hasText: "That task was deleted" })).toBeVisible();

  const asked: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/projects/gone-project") asked.push(request.url());
  });
  const started = Date.now();
  await visit(page, "/projects/gone-project/board");
  await expect(page.getByTestId("not-found")).toContainText("This project does not exist");
  expect(Date.now() - started).toBeLessThan(1000);
  await page.waitForTimeout(1500);
  expect(asked).toHaveLength(1);
  await visit(page, "/no/such/page");
  await expect(page.getByTestId("not-found")).toContainText("This page does not exist");
  await page.getByRole("link", { name: "Back to your projects" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
});

test("photos show as thumbnails and open in a lightbox that goes on by arrow key and swipe", async ({
  page,
}) => {
  await signIn(page, "client@demo.rehome.local");
  await visit(page, tab("files"));
  const photos = page.getByRole("region", { name: "Photos" }).getByRole("button", { name: /^Open photo/ });
  await expect(photos).toHaveCount(2);
  const thumbnail = photos.first().locator("img");
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(1);
  await photos.first().click();
  const lightbox = page.getByTestId("lightbox");
  await expect(lightbox).toHaveAccessibleName(/^Photo 1 of 2/);
  await page.keyboard.press("ArrowRight");
  await expect(lightbox).toHaveAccessibleName(/^Photo 2 of 2/);
  const box = await lightbox.getByRole("img").boundingBox();
  const y = (box?.y ?? 300) + 10;
  await page.mouse.move(600, y);
  await page.mouse.down();
  await page.mouse.move(300, y, { steps: 5 });
  await page.mouse.up();
  await expect(lightbox).toHaveAccessibleName(/^Photo 1 of 2/);
  await page.keyboard.press("Escape");
  await expect(lightbox).toHaveCount(0);
  await expect(photos.first()).toBeFocused();
  // Every file name opens it: a photo in the lightbox.
  await page
    .getByTestId("file-row")
    .filter({ hasText: "bathroom-" })
    .getByRole("button", { name: /^bathroom-/ })
    .click();
  await expect(lightbox).toBeVisible();
});

test("a conversation is named after its first question", async ({ page }) => {
  await signIn(page, "consultant@demo.rehome.local");
  await visit(page, tab("agent"));
  await startConversation(page);
  await page.getByLabel("Ask the assistant").fill("Which photos of the hallway came in this week?");
  await page.getByLabel("Ask the assistant").press("Enter");
  await expect(
    page.getByRole("complementary", { name: "Conversations" }).getByRole("link", {
      name: "Which photos of the hallway came in this week?",
    }),
  ).toBeVisible();
});

test("small things: a filter with no match says so, the assign form starts with a non-admin in their role, the People panel keeps roles", async ({
  page,
}) => {
  await signIn(page, "admin@demo.rehome.local");
  await visit(page, `${tab("board")}?q=zzzz-nothing`);
  await expect(page.getByText("No task matches these filters.")).toBeVisible();
  await expect(page.getByTestId("column-todo")).toHaveCount(0);
  await page.getByRole("button", { name: "Show all tasks" }).click();
  await expect(page.getByTestId("column-todo")).toBeVisible();

  await visit(page, tab("messages"));
  const people = page.getByRole("complementary", { name: "People" });
  await expect(people.getByRole("listitem").filter({ hasText: "Ada Admin" })).toContainText("Admin");
  await expect(people.getByRole("listitem").filter({ hasText: "Ada Admin" })).toContainText("online now");

  // The project's assignments answer late, as on a slow network: until they do, the form offers
  // nobody, or a pick (someone already on the project) would vanish when the list arrives.
  const assignmentList = /\/api\/projects\/[^/]+\/assignments$/;
  let answer = () => {};
  const held = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await visit(page, "/admin/projects");
  await page.route(assignmentList, async (route) => {
    await held;
    await route.continue();
  });
  await page
    .getByRole("navigation", { name: "Projects" })
    .getByRole("button", { name: /Loft conversion/ })
    .click();
  const assign = page.getByRole("form", { name: "Assign someone" });
  const options = assign.getByLabel("Person").locator("option");
  await expect(page.getByText("Loading assignments")).toBeVisible();
  await expect(options).toHaveCount(0);
  answer();
  // No admin is offered (admins are on every project), nor anyone already on it, and the role
  // starts at the person's workspace role, whoever is picked.
  await expect(options).not.toHaveCount(0);
  await expect(page.getByRole("list", { name: "Assigned people" })).toContainText("Cora Consultant");
  for (const option of await options.allInnerTexts()) {
    expect(option).not.toContain("(admin)");
    await assign.getByLabel("Person").selectOption({ label: option });
    const role = /\((\w+)\)$/.exec(option)?.[1] ?? "";
    await expect(assign.getByLabel("Role on the project").locator("option:checked")).toHaveText(
      new RegExp(`^${role}$`, "i"),
    );
  }
});

test("an internal message in the making shows no typing to a client and offers no client to mention", async ({
  browser,
}) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  const client = await personIn(browser, "client@demo.rehome.local");
  for (const page of [team, client]) await visit(page, tab("messages"));
  await expect(client.getByTestId("connection")).toHaveText("Live");
  await team.getByLabel("Visible to client").uncheck();
  const composer = team.getByLabel("Message", { exact: true });
  await composer.pressSequentially("Margin on the tiles @C");
  const options = team.getByRole("listbox", { name: "People to mention" });
  await expect(options).toContainText("Cora Consultant");
  await expect(options).not.toContainText("Cliff Client");
  await team.waitForTimeout(1500);
  await expect(client.getByTestId("typing")).toHaveText("");

  await composer.fill("");
  await team.getByLabel("Visible to client").check();
  await composer.pressSequentially("Tiles are ordered @C");
  await expect(team.getByRole("listbox", { name: "People to mention" })).toContainText("Cliff Client");
  await expect(client.getByTestId("typing")).toHaveText("Tom Team is typing…");
});

test("dates read as people say them, with the exact moment on hover", async ({ page }) => {
  await signIn(page, "team@demo.rehome.local");
  await visit(page, tab("files"));
  const when = page.getByTestId("file-row").first().locator("time");
  await expect(when).toHaveText(/now|sec|min|hr|hour|ago|yesterday/i);
  await expect(when).toHaveAttribute("title", new RegExp(String(new Date().getFullYear())));
  await expect(when).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
});

test("project cards say where things stand: progress, next due, overdue, blocked, unread, last activity, latest photo", async ({
  page,
  browser,
}) => {
  await signIn(page, "team@demo.rehome.local");
  const kitchen = page.getByTestId("project-card").filter({ hasText: "Kitchen remodel" });
  await expect(kitchen).toContainText(/\d+ of \d+ tasks done/);
  await expect(kitchen.getByRole("progressbar")).toBeVisible();
  await expect(kitchen).toContainText(/\d+ overdue/);
  await expect(kitchen).toContainText(/\d+ blocked/);
  const long = page.getByTestId("project-card").filter({ hasText: PROJECT });
  await expect(long).toContainText("Next due");
  await expect(long.locator("time").first()).toHaveAttribute("title", /\d{4}/);
  const photo = long.getByTestId("project-photo");
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(1);

  const client = await personIn(browser, "client@demo.rehome.local");
  await visit(page, tab("messages"));
  await page.getByLabel("Message", { exact: true }).fill("@Cliff Client the tiles are in");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  await visit(client, "/");
  await expect(client.getByTestId("project-card").filter({ hasText: PROJECT })).toContainText(
    /\d+ unread message/,
  );
});

test("the projects page asks for every card's standing in one request, not a few per card", async ({
  page,
}) => {
  const asked: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/projects"))
      asked.push(pathname.replace(/\/[0-9a-z]{26}(?=\/|$)/g, "/{id}"));
  });
  await signIn(page, "admin@demo.rehome.local");
  await expect(page.getByTestId("project-card").first()).toContainText(/\d+ of \d+ tasks done/);
  // Every card's figures arrived: on Lambda each request in flight at once is a sandbox of its own.
  await expect(page.getByText(/\d+ of \d+ tasks done/)).toHaveCount(
    await page.getByTestId("project-card").count(),
  );
  expect(asked.sort()).toEqual(["/api/projects", "/api/projects/standing"]);
});

test("an admin has the weekly digest written now instead of waiting for Monday", async ({ page }) => {
  await signIn(page, "admin@demo.rehome.local");
  await visit(page, "/admin/digest");
  const digests = page.getByRole("region", { name: "Weekly digest" }).locator("details");
  await expect(page.getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);
  const before = await digests.count();
  await page.getByRole("button", { name: "Write this week's digest now" }).click();
  await expect(digests).toHaveCount(before + 1, { timeout: 20_000 });
  await expect(digests.first()).toContainText("Weekly rollup");
  await expect(page.getByRole("status").filter({ hasText: "This week's digest is written" })).toBeVisible();
  // Asking again the same week is the same digest, not another one.
  await page.getByRole("button", { name: "Write this week's digest now" }).click();
  await expect(page.getByRole("button", { name: "Write this week's digest now" })).toBeEnabled();
  await expect(digests).toHaveCount(before + 1);
});

test("a photo attached to a message shows inline for the client on a phone and opens in the lightbox", async ({
  browser,
}) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  await team.setViewportSize({ width: 1280, height: 800 });
  await visit(team, tab("messages"));
  await team.getByLabel("Attach photo").setInputFiles({
    name: "new-window-fitted.png",
    mimeType: "image/png",
    buffer: png(80, 60, [30, 90, 160]),
  });
  await expect(team.getByRole("list", { name: "Attached photos" }).locator("img")).toHaveCount(1);
  await team.getByLabel("Message", { exact: true }).fill("The new window is in");
  await team.getByRole("button", { name: "Send" }).click();
  const sent = team.getByTestId("message").filter({ hasText: "The new window is in" });
  await expect(sent.getByRole("button", { name: "Open photo new-window-fitted.png" })).toBeVisible();
  await expect(team.getByRole("list", { name: "Attached photos" })).toHaveCount(0);
  await shot(team, "messages-inline-photo-1280");

  const client = await personIn(browser, "client@demo.rehome.local");
  await client.setViewportSize(PHONE);
  await visit(client, tab("messages"));
  const message = client.getByTestId("message").filter({ hasText: "The new window is in" });
  const thumbnail = message.getByRole("button", { name: "Open photo new-window-fitted.png" });
  await expect
    .poll(() => thumbnail.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(80);
  const { scroll, client: width } = await pageWidth(client);
  expect(scroll).toBeLessThanOrEqual(width);
  await shot(client, "messages-inline-photo-390");
  await thumbnail.click();
  const lightbox = client.getByTestId("lightbox");
  await expect(lightbox).toHaveAccessibleName("Photo 1 of 1: new-window-fitted.png");
  await expect
    .poll(() => lightbox.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(80);
  await client.keyboard.press("Escape");
  await expect(lightbox).toHaveCount(0);
  await expect(thumbnail).toBeFocused();
});
