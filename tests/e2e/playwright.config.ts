// Browser tests in Debian's Chromium (never a downloaded browser) against a fresh local stack.
import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./chromium";
import { PORT } from "./stack";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  outputDir: "../../test-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `npx tsx tests/e2e/serve.ts ${PORT}`,
    cwd: "../..",
    url: `http://127.0.0.1:${PORT}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // SIGTERM lets serve.ts stop DynamoDB Local and remove its temp folder; a bare SIGKILL orphans the JVM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
