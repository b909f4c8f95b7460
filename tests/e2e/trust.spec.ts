// The client portal's trust boundary in the browser: a client is offered only what the API
// allows them (the status of their own tasks, no deleting or reassigning), what staff make
// internal leaves a client's open pages at once and comes back when shared, an assistant
// conversation is its author's alone, and admins keep project roles within the workspace role.
import { expect, test } from "@playwright/test";
import { KITCHEN, LOFT, openProject, personIn, shot, signIn, startConversation } from "./support";

const CLIENT = "client@demo.rehome.local";
const TEAM = "team@demo.rehome.local";
const LOFT_TITLE = "Loft conversion — Birch Lane";

test("a client cannot delete or reassign tasks and marks their own task done", async ({ browser }) => {
  const client = await personIn(browser, CLIENT);
  const team = await personIn(browser, TEAM);
  for (const page of [client, team]) await openProject(page, KITCHEN);
  await expect(client.getByTestId("task-card").first()).toBeVisible();
  await expect(client.getByLabel("New task")).toHaveCount(0);
  await expect(client.getByText("Review cabinet supplier margin")).toHaveCount(0);
  await expect(client.getByText("Internal", { exact: true })).toHaveCount(0);
  await shot(client, "trust-client-board");

  const others = client.getByTestId("task-card").filter({ hasText: "Install pendant lighting" });
  await expect(others).toHaveAttribute("draggable", "false");
  await others.getByRole("button").click();
  const other = client.getByRole("dialog", { name: "Install pendant lighting" });
  await expect(other.getByLabel("Title")).not.toBeEditable();
  await expect(other.getByLabel("Assignee")).toBeDisabled();
  await expect(other.getByLabel("Status")).toBeDisabled();
  await expect(other.getByRole("button", { name: "Delete task" })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Save" })).toHaveCount(0);
  await other.getByRole("button", { name: "Close" }).click();

  const title = "Confirm worktop material with client";
  await expect(client.getByTestId("task-card").filter({ hasText: title })).toHaveAttribute(
    "draggable",
    "true",
  );
  await client.getByRole("button", { name: new RegExp(title) }).click();
  const own = client.getByRole("dialog", { name: title });
  await expect(own.getByLabel("Assignee")).toBeDisabled();
  await expect(own.getByLabel("Description")).not.toBeEditable();
  await expect(own.getByRole("button", { name: "Delete task" })).toHaveCount(0);
  await shot(client, "trust-client-drawer");
  await own.getByLabel("Status").selectOption({ label: "Done" });
  await own.getByRole("button", { name: "Save" }).click();
  await expect(own).toHaveCount(0);
  await expect(client.getByTestId("column-done").getByText(title)).toBeVisible();
  await expect(team.getByTestId("column-done").getByText(title)).toBeVisible();
});

test("a task or message made internal leaves the client's open page at once and returns when shared", async ({
  browser,
}) => {
  const team = await personIn(browser, TEAM);
  const client = await personIn(browser, CLIENT);
  for (const page of [team, client]) await openProject(page, KITCHEN);

  const title = "Order quartz worktop samples for the showroom visit";
  await expect(team.getByLabel("Visible to client")).toBeChecked();
  await team.getByLabel("New task").fill(title);
  await team.getByRole("button", { name: "Add" }).click();
  const card = client.getByRole("button", { name: new RegExp(title) });
  await card.click();
  const clientDrawer = client.getByRole("dialog", { name: title });
  await expect(clientDrawer).toBeVisible();

  await team.getByRole("button", { name: new RegExp(title) }).click();
  const drawer = team.getByRole("dialog", { name: title });
  await drawer.getByRole("button", { name: "Make internal" }).click();
  await expect(drawer).toContainText("Only staff see this task.");
  await expect(clientDrawer).toHaveCount(0);
  await expect(card).toHaveCount(0);
  await drawer.getByRole("button", { name: "Share with client" }).click();
  await expect(card).toBeVisible();
  await expect(card).not.toContainText("Internal");
  await drawer.getByRole("button", { name: "Close" }).click();

  for (const page of [team, client])
    await page
      .getByRole("navigation", { name: "Project sections" })
      .getByRole("link", { name: "Messages" })
      .click();
  await expect(client.getByText("Internal: the quartz supplier quoted")).toHaveCount(0);
  const internal = team.getByTestId("message").filter({ hasText: "Internal: the quartz supplier quoted" });
  await expect(internal.getByText("Internal", { exact: true })).toBeVisible();

  const body = "The showroom holds the quartz samples until Saturday.";
  await team.getByLabel("Message", { exact: true }).fill(body);
  await team.getByLabel("Message", { exact: true }).press("Enter");
  const seen = client.getByTestId("message").filter({ hasText: body });
  await expect(seen).toBeVisible();
  const sent = team.getByTestId("message").filter({ hasText: body });
  await sent.getByRole("button", { name: "Make internal" }).click();
  await expect(sent.getByText("Internal", { exact: true })).toBeVisible();
  await expect(seen).toHaveCount(0);
  await shot(team, "trust-team-messages");
  await sent.getByRole("button", { name: "Share with client" }).click();
  await expect(seen).toBeVisible();
});

test("a file made internal leaves the client's file list at once", async ({ browser }) => {
  const team = await personIn(browser, TEAM);
  const client = await personIn(browser, CLIENT);
  for (const page of [team, client]) await openProject(page, KITCHEN, "Files");

  const name = "worktop-quote.txt";
  await team.getByLabel("Upload files").setInputFiles({
    name,
    mimeType: "text/plain",
    buffer: Buffer.from("Quartz worktop, 3.2 m run"),
  });
  const row = client.getByTestId("file-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByRole("button", { name: `Delete ${name}` })).toHaveCount(0);
  await team.getByRole("button", { name: `Make internal: ${name}` }).click();
  await expect(team.getByTestId("file-row").filter({ hasText: name })).toContainText("Internal");
  await expect(row).toHaveCount(0);
  await team.getByRole("button", { name: `Share with client: ${name}` }).click();
  await expect(row).toBeVisible();
});

test("a team member's assistant conversation is not listed for the client or the consultant", async ({
  browser,
}) => {
  const team = await personIn(browser, TEAM);
  await openProject(team, KITCHEN, "Agent");
  await startConversation(team);
  // Under 60 characters: the conversation is named after it, whole.
  const question = "Which kitchen tasks wait on the margin review?";
  await team.getByLabel("Ask the assistant").fill(question);
  await team.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(team.getByTestId("answer").last()).toHaveAttribute("data-status", "completed", {
    timeout: 30_000,
  });
  await expect(team.getByRole("complementary", { name: "Conversations" })).toContainText(question);
  const threadUrl = team.url();

  for (const email of [CLIENT, "consultant@demo.rehome.local"]) {
    const page = await personIn(browser, email);
    await openProject(page, KITCHEN, "Agent");
    const conversations = page.getByRole("complementary", { name: "Conversations" });
    await expect(conversations.getByRole("button", { name: /^(New|Start a) conversation$/ })).toBeVisible();
    await expect(conversations).not.toContainText(question);
    // Nor by its address.
    await page.goto(threadUrl);
    await expect(conversations.getByRole("button", { name: /^(New|Start a) conversation$/ })).toBeVisible();
    await expect(page.getByText(question)).toHaveCount(0);
  }
});

test("project roles stay within the workspace role, and changes are confirmed and said to be saved", async ({
  page,
}) => {
  await signIn(page, "admin@demo.rehome.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page
    .getByRole("navigation", { name: "Admin sections" })
    .getByRole("link", { name: "Projects" })
    .click();
  await page.getByRole("navigation", { name: "Projects" }).getByRole("button", { name: LOFT }).click();
  await expect(page.getByText("A project role can't be above the person's workspace role.")).toBeVisible();
  const role = page.getByLabel("Role of Cora Consultant on the project");
  await expect(role.locator("option")).toHaveText(["Consultant", "Client"]);

  await role.selectOption("client");
  const confirm = page.getByRole("alertdialog", { name: `Make Cora Consultant client on ${LOFT_TITLE}?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await shot(page, "admin-role-confirm");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(role).toHaveValue("consultant");

  // Back as it was, so the other tests find the consultant on the loft.
  for (const next of ["client", "consultant"]) {
    await role.selectOption(next);
    await page
      .getByRole("alertdialog", { name: `Make Cora Consultant ${next} on ${LOFT_TITLE}?` })
      .getByRole("button", { name: "Change role" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "Saved: Cora" })).toContainText(
      `Cora Consultant is ${next} on`,
    );
    await expect(role).toHaveValue(next);
  }

  const settings = page.getByRole("group", { name: "New tasks, messages and files" });
  await expect(settings.getByRole("radio", { name: /^Internal/ })).toBeChecked();
  // The radio follows the saved setting, so it turns checked once the save answers, not on the click.
  await settings.getByRole("radio", { name: /^Visible to the client/ }).click();
  const saved = page.getByRole("status").filter({ hasText: "Saved: new items" });
  await expect(saved).toHaveText("Saved: new items are visible to the client.");
  await expect(settings.getByRole("radio", { name: /^Visible to the client/ })).toBeChecked();
  await settings.getByRole("radio", { name: /^Internal/ }).click();
  await expect(saved).toHaveText("Saved: new items are internal.");
  await expect(settings.getByRole("radio", { name: /^Internal/ })).toBeChecked();
});
