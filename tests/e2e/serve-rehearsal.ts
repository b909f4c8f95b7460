// The rehearsal the browser tests of rehearsal.config.ts run against: fresh deploy bundles, the
// built SPA, demo data. Every line it logs (AccessDenied among them) also goes to LOG_FILE, which
// the specs read to check that nothing was denied.
import { appendFile, mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { bundleFunctions } from "@rehome/infra/bundle";
import { startRehearsal } from "@rehome/local/rehearsal/rehearsal";
import { stopOnSignals } from "@rehome/local/signals";
import { REHEARSAL_LOG } from "./rehearsal-port";

const port = Number(process.argv[2] ?? 4650);
const outDir = resolve(import.meta.dirname, "../../.build/rehearsal-e2e");
await rm(REHEARSAL_LOG, { force: true });
await mkdir(outDir, { recursive: true });
await bundleFunctions(join(outDir, "lambdas"));
const rehearsal = await startRehearsal({
  port,
  outDir,
  bundleDir: join(outDir, "lambdas"),
  webDist: resolve(import.meta.dirname, "../../web/dist"),
  log: (line) => {
    console.log(line);
    void appendFile(REHEARSAL_LOG, `${line}\n`);
  },
});
await rehearsal.seedDemo();
console.log(`e2e rehearsal ready at ${rehearsal.url}`);

stopOnSignals(() => rehearsal.stop());
