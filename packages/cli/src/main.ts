// `rehome`: the ops CLI. Each command prints what it checked and exits 0 on success, 1 on failure.
import { parseArgs } from "node:util";
import { digest } from "./commands/digest";
import { dlq } from "./commands/dlq";
import { health } from "./commands/health";
import { seed } from "./commands/seed";
import { smoke } from "./commands/smoke";
import { tokens } from "./commands/tokens";
import { fail } from "./output";

const usage = `Usage: rehome <command> [options]

  smoke   --url URL (--email E --password P | --token T) [--question Q] [--timeout SEC]
          streams one agent answer and checks order, a single done and the stored copy
  health  --url URL                     each dependency's status and latency
  seed                                  seeds the demo data into the local stack (local only)
  digest run [--kind daily|weekly]      runs the digest job now against the local stack
  dlq list | dlq redrive [--queue-url URL --dlq-url URL]
                                        inspects or redrives the agent dead-letter queue
  tokens create --url URL --email E --password P --name N [--scope read|write] [--days N]
                                        creates a personal API token and prints it once
  tokens list | tokens revoke ID  --url URL (--email E --password P | --token T)
                                        lists or revokes your API tokens
`;

const commands: Record<string, (args: string[], options: Options) => Promise<void>> = {
  smoke: (_, o) => smoke(o),
  health: (_, o) => health(o),
  seed: () => seed(),
  digest: (args, o) => digest(args, o),
  dlq: (args, o) => dlq(args, o),
  tokens: (args, o) => tokens(args, o),
};

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
    help: { type: "boolean", short: "h" },
  },
});
export type Options = typeof values;

const [command, ...rest] = positionals;
const run = command ? commands[command] : undefined;
if (values.help || !run) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}
await run(rest, values).catch(fail);
process.exit(0);
