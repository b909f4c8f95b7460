// The browser tests of the rehearsed stage (npm run rehearse's runtime): sign-in, a live board
// move, a streamed agent answer and a file round trip, in Debian's Chromium, with zero AccessDenied.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { REHEARSAL_PORT } from "./rehearsal-port";

export default defineConfig({
  ...base,
  testMatch: "*.rehearsal.ts",
  // A second browser's first requests meet cold sandboxes, as on Lambda: each takes a while.
  expect: { timeout: 15_000 },
  // localhost, as the rehearsal's banner prints it: the uploads bucket's CORS allows that origin.
  use: { ...base.use, baseURL: `http://localhost:${REHEARSAL_PORT}` },
  webServer: {
    command: `npx tsx tests/e2e/serve-rehearsal.ts ${REHEARSAL_PORT}`,
    cwd: "../..",
    // Ready once the demo data is in: /health answers before that.
    wait: { stdout: /e2e rehearsal ready/ },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // SIGTERM lets serve-rehearsal.ts stop the sandboxes and DynamoDB Local.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
