// `npm run rehearse`: the stage as it would deploy, on this machine. Same banner, ports, demo
// data and SPA as `npm start`, but every function runs from its bundle under its own IAM role
// (rehearsal/). Prints each AccessDenied as it happens and the least-privilege report on Ctrl-C.
import { ConfigError } from "@rehome/core/config";
import { warmHoursOf } from "@rehome/infra/warm";
import { banner } from "./banner";
import { startRehearsal } from "./rehearsal/rehearsal";
import { settings } from "./settings";
import { stopOnSignals } from "./signals";

async function main() {
  const { port, webDist } = settings();
  const started = Date.now();
  // The warm hours a deploy from this shell would set (RUNBOOK §1), so the rehearsal shows the alias path.
  const rehearsal = await startRehearsal({ port, webDist, warm: warmHoursOf(process.env) });
  const { seeded } = await rehearsal.seedDemo();

  stopOnSignals(async () => {
    console.log(`\nLeast-privilege report (grants no call of this run used):\n\n${rehearsal.report()}\n`);
    console.log(`Stopping the rehearsal (${rehearsal.denials.length} AccessDenied)…`);
    await rehearsal.stop();
  });

  console.log(
    banner({
      title: `ReHome rehearsal of ${rehearsal.stackName} is running`,
      startedAt: started,
      seeded,
      url: rehearsal.url,
      webUrl: rehearsal.webUrl,
      mailUrl: rehearsal.mailUrl,
      wsUrl: rehearsal.wsUrl,
      footer: [
        `${rehearsal.functions.length} functions from their bundles, each with its own role: ${rehearsal.functions.map((f) => f.logicalId).join(", ")}`,
        `Schedules: ${rehearsal.schedules.map((s) => `${s.logicalId} ${s.expression}`).join(", ") || "none"}`,
        ...rehearsal.notes,
        "Nothing is kept: every rehearsal starts from an empty stage. Ctrl-C stops everything.",
      ],
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
