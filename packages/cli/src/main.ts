// `rehome`: the ops CLI. Each command prints what it checked and exits 0 on success, 1 on failure.
import { parseArgs } from "node:util";
import { commands } from "./commands";
import { CliError, fail } from "./output";

const usage = `Usage: rehome <command> [options]

${Object.values(commands)
  .map((command) => command.help)
  .join("\n")}
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    email: { type: "string" },
    password: { type: "string" },
    token: { type: "string" },
    question: { type: "string" },
    timeout: { type: "string", default: "60" },
    kind: { type: "string", default: "daily" },
    "queue-url": { type: "string" },
    "dlq-url": { type: "string" },
    name: { type: "string" },
    scope: { type: "string", default: "read" },
    days: { type: "string" },
    bundles: { type: "string", default: ".build/lambdas" },
    help: { type: "boolean", short: "h" },
  },
});
export type Options = typeof values;

const [name, ...rest] = positionals;
const command = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
if (values.help || !command) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}
if (command.actions && !command.actions.includes(rest[0] ?? ""))
  fail(new CliError(`usage: rehome ${name} ${command.actions.join("|")} (rehome --help lists the options)`));
await command.run(rest, values).catch(fail);
process.exit(0);
