// `npm run rehearse:report [-- --write]`: prints the least-privilege report the rehearsal suite
// (tests/rehearsal/stage.test.ts) wrote, and with --write keeps it in infra/README.md between
// its markers, so the README shows what each role grants that the suite never used.
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../../..");
const REPORT = resolve(ROOT, ".build/rehearsal/least-privilege.md");
const README = resolve(ROOT, "infra/README.md");
const START = "<!-- least-privilege report: npm run rehearse:report -- --write -->";
const END = "<!-- end of least-privilege report -->";

const report = (await readFile(REPORT, "utf8").catch(() => undefined))?.trim();
if (!report) {
  console.error(`No report at ${REPORT}: run \`npx vitest run tests/rehearsal/stage.test.ts\` first.`);
  process.exit(1);
}
console.log(report);
if (process.argv.includes("--write")) {
  const readme = await readFile(README, "utf8");
  const [before, rest] = readme.split(START);
  const after = rest?.split(END)[1];
  if (before === undefined || after === undefined) {
    console.error(`infra/README.md has no ${START} … ${END} section`);
    process.exit(1);
  }
  await writeFile(README, `${before}${START}\n${report}\n${END}${after}`);
  console.log("\nKept in infra/README.md.");
}
