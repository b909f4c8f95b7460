import { defineConfig } from "vitest/config";

// One vitest run for the whole tree: unit tests beside the code, cross-package suites under tests/.
// Browser tests run under Playwright (tests/e2e), not here.
export default defineConfig({
  test: {
    include: [
      "packages/**/src/**/*.test.ts",
      "web/src/**/*.test.ts",
      "tests/{integration,infra,faults,rehearsal}/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "tests/e2e/**"],
    // Forks, not threads: each suite may boot a local stack that owns process-wide config.
    pool: "forks",
    maxWorkers: 2,
    globalSetup: ["tests/setup/dynamodb.ts"],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
