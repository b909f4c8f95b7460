// Change orders in the browser: a team member drafts and sends one on a laptop, the client signs
// and approves it on a phone — the screen fits and passes axe — and the team member's open page
// shows it approved without a reload. The client never sees the internal note.
import { expect, test } from "@playwright/test";
import { emailedLink, fitsAndPassesAxe, KITCHEN, openProject, routeOf, shot, signIn } from "./support";

const CLIENT = "client@demo.rehome.local";
const TEAM = "team@demo.rehome.local";
const TITLE = "Add under-cabinet LED strips";
const NOTE = "LED kit costs us 140; keep the 420 price.";

test("staff send a change order on a laptop, the client approves it on a phone with their typed name, and staff see it approved live", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const team = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(team, TEAM);
  await openProject(team, KITCHEN, "Changes");
  await expect(team.getByRole("region", { name: "Project totals" })).toContainText("Original budget");

  await team.getByRole("button", { name: "New change order" }).click();
  const form = team.getByRole("form", { name: "New change order" });
  await form.getByLabel("Title").fill(TITLE);
  await form
    .getByLabel("What changes")
    .fill("Warm-white LED strips under the wall cabinets, on the worktop circuit.");
  await form.getByLabel("Why").fill("Asked for at the last site visit.");
  await form.getByLabel(/^Cost/).fill("420");
  await form.getByLabel("Schedule change (days)").fill("1");
  await form.getByLabel(/Internal note/).fill(NOTE);
  await fitsAndPassesAxe(team, "staff change order form at 1280");
  await shot(team, "change-orders-staff-form-1280");
  await form.getByRole("button", { name: "Save as draft" }).click();

  const staffCard = team.getByTestId("change-order").filter({ hasText: TITLE });
  await expect(staffCard.getByTestId("change-state")).toHaveText("Draft");
  await expect(staffCard).toContainText(NOTE);
  await staffCard.getByRole("button", { name: "Send to client" }).click();
  await team.getByRole("alertdialog").getByRole("button", { name: "Send for approval" }).click();
  await expect(staffCard.getByTestId("change-state")).toHaveText("Awaiting decision");
  await fitsAndPassesAxe(team, "staff changes at 1280");
  await shot(team, "change-orders-staff-1280");

  // The client follows the emailed link, on a phone.
  const link = await emailedLink(CLIENT, routeOf(team).pathname);
  expect(link).toMatch(/\/changes$/);
  const client = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();
  await signIn(client, CLIENT);
  await client.goto(link);
  const clientCard = client.getByTestId("change-order").filter({ hasText: TITLE });
  await expect(clientCard.getByTestId("change-state")).toHaveText("Awaiting decision");
  await expect(clientCard).toContainText("+$420.00");
  await expect(client.getByText(NOTE)).toHaveCount(0);
  await expect(client.getByRole("button", { name: "New change order" })).toHaveCount(0);
  await fitsAndPassesAxe(client, "client changes at 390");

  const decision = clientCard.getByRole("form", { name: `Your decision on ${TITLE}` });
  await decision.getByLabel("Type your full name to sign").fill("Someone Else");
  await decision.getByRole("button", { name: "Approve" }).click();
  await expect(clientCard.getByRole("alert")).toContainText("Sign with your full name");
  await decision.getByLabel("Type your full name to sign").fill("cliff client");
  await decision.getByRole("button", { name: "Approve" }).click();
  await expect(clientCard.getByTestId("change-state")).toHaveText("Approved");
  await expect(clientCard.getByTestId("signed-record")).toContainText("signed “cliff client”");
  await expect(clientCard.getByRole("form")).toHaveCount(0);
  await fitsAndPassesAxe(client, "client signed record at 390");
  await shot(client, "change-orders-client-390");

  // The team member's page heard it: no reload.
  await expect(staffCard.getByTestId("change-state")).toHaveText("Approved");
  await expect(staffCard.getByTestId("signed-record")).toContainText("Approved by Cliff Client");
  await expect(staffCard.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
});
