// Project messages in the browser: @mention autocomplete, a live thread, who is typing, and
// the mentioned person's notification arriving live and leading back to the message.
import { expect, test } from "@playwright/test";
import {
  holdFrames,
  holdMessageAnswers,
  KITCHEN,
  MESSAGES,
  openProject,
  personIn,
  shot,
  signIn,
} from "./support";

test("a message with an @mention notifies the mentioned person live", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  const client = await personIn(browser, "client@demo.rehome.local");
  await openProject(team, KITCHEN, "Messages");
  await openProject(client, KITCHEN, "Board");
  const unread = client.getByTestId("unread-count");
  const before = Number((await unread.count()) ? await unread.innerText() : 0);

  const box = team.getByLabel("Message", { exact: true });
  await box.pressSequentially("@Cli");
  await expect(team.getByRole("listbox", { name: "People to mention" })).toBeVisible();
  await shot(team, "messages-mention");
  await box.press("Enter");
  await expect(box).toHaveValue("@Cliff Client ");
  await box.pressSequentially("the worktop samples arrive on Thursday.");
  await box.press("Enter");
  await expect(box).toHaveValue("");
  const sent = team.getByTestId("message").last();
  await expect(sent).toContainText("the worktop samples arrive on Thursday.");
  await expect(sent.locator("mark")).toHaveText("@Cliff Client");

  await expect(unread).toHaveText(String(before + 1));
  await client.getByRole("button", { name: /Notifications/ }).click();
  await shot(client, "notifications");
  await client.getByTestId("notification").first().click();
  await expect(client).toHaveURL(/#\/projects\/[^/]+\/messages\?message=/);
  const highlighted = client.locator("li[id^=message-].ring-1");
  await expect(highlighted).toContainText("the worktop samples arrive on Thursday.");
  // Opening it marked it read.
  if (before === 0) await expect(unread).toHaveCount(0);
  else await expect(unread).toHaveText(String(before));
});

test("a notice created while the person's subscription is on its way still shows once it is confirmed", async ({
  browser,
}) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  await openProject(team, KITCHEN, "Messages");
  // The client's subscription to their own channel is held back, as on a slow link or a reconnect:
  // the notice is created after their list was read and before the server has them listening.
  const client = await (await browser.newContext()).newPage();
  const frames = await holdFrames(client, (text) => text.includes('"subscribe"') && text.includes("users."));
  const listed = client.waitForResponse((r) => new URL(r.url()).pathname === "/api/notifications");
  await signIn(client, "client@demo.rehome.local");
  // The count before, from the list the bell read (its label may not show it yet).
  const { items } = (await (await listed).json()) as { items: { readAt: string | null }[] };
  const before = items.filter((n) => !n.readAt).length;
  await expect(client.getByRole("button", { name: `Notifications, ${before} unread` })).toBeVisible();
  await expect.poll(frames.waiting).toBe(1);

  const box = team.getByLabel("Message", { exact: true });
  const posted = team.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().includes("/messages"),
  );
  await box.fill("@Cliff Client the grout colour is chosen");
  await box.press("Enter");
  expect((await posted).status()).toBe(201);

  frames.release();
  await expect(client.getByRole("button", { name: `Notifications, ${before + 1} unread` })).toBeVisible();
});

test("others see a new message and who is typing without reloading", async ({ browser }) => {
  const consultant = await personIn(browser, "consultant@demo.rehome.local");
  const team = await personIn(browser, "team@demo.rehome.local");
  for (const page of [consultant, team]) await openProject(page, KITCHEN, "Messages");
  await expect(team.getByRole("complementary", { name: "People" })).toContainText("online");

  await consultant.getByLabel("Message", { exact: true }).pressSequentially("Measuring the splashback now");
  await expect(team.getByTestId("typing")).toHaveText("Cora Consultant is typing…");
  await consultant.getByLabel("Message", { exact: true }).press("Enter");
  await expect(team.getByTestId("message").last()).toContainText("Measuring the splashback now");
  await expect(team.getByTestId("typing")).toHaveText("");
  await shot(team, "messages");

  const mine = consultant.getByTestId("message").last();
  await mine.getByRole("button", { name: "Edit" }).click();
  await mine.getByLabel("Edit message").fill("Measuring the splashback now (done)");
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(team.getByTestId("message").last()).toContainText("(done)");
  await expect(team.getByTestId("message").last()).toContainText("edited");
});

test("the next message typed while one is sent stays in the box, and a refused one comes back", async ({
  browser,
}) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  await openProject(team, KITCHEN, "Messages");
  const stamp = Date.now();
  const first = `Tiles arrive Monday (${stamp}).`;
  const next = `Grout colour to follow (${stamp}).`;
  // The server posts the message to the thread's sockets before its answer to the sender: the
  // answer is held here until the thread shows the message and the next one is being typed.
  const held = await holdMessageAnswers(team);
  const box = team.getByLabel("Message", { exact: true });
  const sendButton = team.getByRole("button", { name: "Send", exact: true });
  await box.fill(first);
  await box.press("Enter");
  await expect(team.getByTestId("message").filter({ hasText: first })).toBeVisible();
  await box.fill(next);
  held.release();
  await expect(sendButton).toBeEnabled();
  await expect(box).toHaveValue(next);
  await held.stop();

  await team.route(MESSAGES, (route) =>
    route.request().method() === "POST" ? route.abort("connectionreset") : route.continue(),
  );
  await sendButton.click();
  await expect(team.getByRole("alert")).toBeVisible();
  await expect(box).toHaveValue(next);
  await team.unroute(MESSAGES);
  await sendButton.click();
  await expect(team.getByTestId("message").filter({ hasText: next })).toBeVisible();
  await expect(box).toHaveValue("");
});

test("discussing a task opens the box with the task named, and the message sent leaves it empty", async ({
  browser,
}) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  await openProject(team, KITCHEN);
  await team.getByRole("button", { name: /Install pendant lighting/ }).click();
  await team
    .getByRole("dialog", { name: "Install pendant lighting" })
    .getByRole("link", { name: "Discuss this task in Messages" })
    .click();
  const box = team.getByLabel("Message", { exact: true });
  await expect(box).toHaveValue("Re “Install pendant lighting”: ");
  const body = `Re “Install pendant lighting”: the fittings are on site (${Date.now()}).`;
  await box.fill(body);
  await box.press("Enter");
  await expect(team.getByTestId("message").filter({ hasText: body })).toBeVisible();
  await expect(box).toHaveValue("");
});
