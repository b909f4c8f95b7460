// The rehearsed stage in a browser: the deploy bundles under their own roles serve sign-in, a
// live board move between two people, a streamed answer from the agent worker and a file's
// upload and download, and nothing they do is denied.
import { readFile } from "node:fs/promises";
import { expect, type Response, test } from "@playwright/test";
import { REHEARSAL_LOG } from "./rehearsal-port";
import { KITCHEN, LOFT, openProject, personIn, signIn, startConversation } from "./support";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

// The stage's WebUrl names the file: the bucket's REST endpoint has no index document.
const WEB = "/index.html";

test.afterAll(async () => {
  const log = await readFile(REHEARSAL_LOG, "utf8").catch(() => "");
  expect(log.split("\n").filter((line) => line.includes("AccessDenied"))).toEqual([]);
});

test("a demo person signs in and sees their projects, from the build as its deploy stored it", async ({
  page,
}) => {
  const assets: Response[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/assets/")) assets.push(response);
  });
  await signIn(page, "client@demo.rehome.local", WEB);
  await expect(page.getByRole("link", { name: KITCHEN })).toBeVisible();
  // Every script and stylesheet came gzipped, as S3 stores them, and the browser ran them.
  expect(assets.length).toBeGreaterThan(1);
  for (const asset of assets) expect(await asset.headerValue("content-encoding"), asset.url()).toBe("gzip");
});

test("a task moved in one browser appears moved in another", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local", WEB);
  const consultant = await personIn(browser, "consultant@demo.rehome.local", WEB);
  for (const page of [team, consultant]) await openProject(page, KITCHEN);
  // Each sees the other online: both sockets' subscriptions went through ws-default's cold starts.
  await expect(consultant.getByRole("list", { name: "Online now" })).toContainText("Tom Team");
  await expect(team.getByRole("list", { name: "Online now" })).toContainText("Cora Consultant");

  await team.getByLabel("New task").fill("Rehearse the worktop");
  await team.getByRole("button", { name: "Add" }).click();
  await expect(consultant.getByTestId("column-todo").getByText("Rehearse the worktop")).toBeVisible();
  const card = team.getByRole("button", { name: /Rehearse the worktop/ });
  await card.focus();
  await card.press("Alt+ArrowRight");
  await expect(consultant.getByTestId("column-in_progress").getByText("Rehearse the worktop")).toBeVisible();
});

test("an agent answer streams in from the worker and completes", async ({ page }) => {
  await signIn(page, "team@demo.rehome.local", WEB);
  await openProject(page, KITCHEN, "Agent");
  await startConversation(page);
  await page.getByRole("button", { name: "What changed today?" }).click();
  const answer = page.getByTestId("answer").last();
  await expect(answer).toHaveAttribute("data-status", "streaming");
  await expect(answer).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(answer).toContainText("stand-in for Anthropic");
});

test("a file uploads, appears for another person and downloads intact", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local", WEB);
  const consultant = await personIn(browser, "consultant@demo.rehome.local", WEB);
  for (const page of [team, consultant]) await openProject(page, LOFT, "Files");
  await team
    .getByLabel("Upload files")
    .setInputFiles({ name: "rehearsed.png", mimeType: "image/png", buffer: PNG });
  await expect(consultant.getByTestId("file-row").filter({ hasText: "rehearsed.png" })).toBeVisible();
  const [download] = await Promise.all([
    consultant.waitForEvent("download"),
    consultant.getByRole("button", { name: "Download rehearsed.png" }).click(),
  ]);
  expect(Buffer.compare(await readFile(await download.path()), PNG)).toBe(0);
});
