// The stack the browser tests run against: a fresh data folder, the built SPA, demo data.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startStack } from "@rehome/local/stack";

const port = Number(process.argv[2] ?? 4100);
const dataDir = await mkdtemp(join(tmpdir(), "rehome-e2e-"));
const stack = await startStack({
  port,
  dataDir,
  webDist: resolve(import.meta.dirname, "../../web/dist"),
  // Seeded before /health says ok, which is what the test runner waits for.
  seed: true,
  // Every simulated person of these tests shares one address: per-IP edge limits would refuse them.
  env: {
    LOG_LEVEL: "WARN",
    OFFLINE_TOKENS_PER_SEC: "40",
    RATE_LIMIT_IP_PER_MINUTE: "100000",
    RATE_LIMIT_AUTH_PER_MINUTE: "100000",
    // A second model to choose from, with its own prices (the offline provider answers either way).
    AI_MODELS: "claude-sonnet-5-5,claude-haiku-5",
    AI_PRICES: "claude-haiku-5=80:400",
  },
});
console.log(`e2e stack ready at ${stack.url}`);

// Both tsx and the test runner may deliver the signal: stop once, however many arrive.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
