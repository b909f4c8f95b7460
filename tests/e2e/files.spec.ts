// Files in the browser: an upload goes straight to storage, is checked, appears for others
// live and downloads byte for byte; a refused type says why; the uploader can delete.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { LOFT, openProject, personIn, shot } from "./support";

// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test("a file uploads, appears for others live, downloads intact and can be deleted", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  const consultant = await personIn(browser, "consultant@demo.rehome.local");
  for (const page of [team, consultant]) await openProject(page, LOFT, "Files");

  await team
    .getByLabel("Upload files")
    .setInputFiles({ name: "dormer-sketch.png", mimeType: "image/png", buffer: PNG });
  const row = team.getByTestId("file-row").filter({ hasText: "dormer-sketch.png" });
  await expect(row).toBeVisible();
  await expect(consultant.getByTestId("file-row").filter({ hasText: "dormer-sketch.png" })).toBeVisible();
  await shot(consultant, "files");

  const [download] = await Promise.all([
    consultant.waitForEvent("download"),
    consultant.getByRole("button", { name: "Download dormer-sketch.png" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("dormer-sketch.png");
  expect(Buffer.compare(await readFile(await download.path()), PNG)).toBe(0);
  await expect(consultant.getByRole("button", { name: "Delete dormer-sketch.png" })).toHaveCount(0);

  await row.getByRole("button", { name: "Delete dormer-sketch.png" }).click();
  await team
    .getByRole("alertdialog", { name: "Delete dormer-sketch.png?" })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(consultant.getByTestId("file-row").filter({ hasText: "dormer-sketch.png" })).toHaveCount(0);
});

test("a file of a type that is not allowed is refused with the reason", async ({ browser }) => {
  const team = await personIn(browser, "team@demo.rehome.local");
  await openProject(team, LOFT, "Files");
  await team.getByLabel("Upload files").setInputFiles({
    name: "setup.exe",
    mimeType: "application/x-msdownload",
    buffer: Buffer.from("MZ fake program"),
  });
  await expect(team.getByTestId("upload").getByRole("alert")).toContainText("cannot be uploaded");
  await expect(team.getByTestId("file-row").filter({ hasText: "setup.exe" })).toHaveCount(0);
});
