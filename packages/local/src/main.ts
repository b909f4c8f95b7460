// `npm start`: the whole product on this machine. Seeds the demo on first start, prints the
// URL and logins, keeps data under .rehome/ and stops every child process on Ctrl-C.
import { existsSync } from "node:fs";
import { ConfigError } from "@rehome/core/config";
import { Demo } from "@rehome/core/demo";
import { banner } from "./banner";
import { settings } from "./settings";
import { stopOnSignals } from "./signals";
import { hasWebBuild, startStack } from "./stack";

async function main() {
  // A developer's overrides (see .env.example), applied before anything reads the config.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const { port, dataDir, webDist } = settings();
  if (!hasWebBuild(webDist)) console.warn(`No SPA build in ${webDist}: run \`npm run build -w web\`.`);
  const started = Date.now();
  const stack = await startStack({
    port,
    dataDir,
    webDist,
    scheduler: true,
    seed: true,
    prefix: "rehome-local",
  });

  stopOnSignals(async () => {
    console.log("\nStopping ReHome…");
    await stack.stop();
  });

  console.log(
    banner({
      title: "ReHome is running",
      startedAt: started,
      seeded: stack.seeded,
      url: stack.url,
      mailUrl: stack.mailUrl,
      wsUrl: stack.wsUrl,
      footer: [`Data lives in ${dataDir} (npm run reset wipes it). Ctrl-C stops everything.`],
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
