// Every `rehome` command: the subcommands it takes, its lines of `--help` and what runs it.
// main.ts dispatches and prints help from this table alone, and the CLI suite runs each of its
// entries, so a command (or subcommand) added here without a test fails that suite.
import type { Options } from "../main";
import { digest } from "./digest";
import { dlq } from "./dlq";
import { health } from "./health";
import { seed } from "./seed";
import { smoke } from "./smoke";
import { stack } from "./stack";
import { tokens } from "./tokens";

export interface Command {
  /** The subcommands it takes (`digest run`); main.ts refuses any other. None: options only. */
  actions?: readonly string[];
  /** Its lines in `rehome --help`. */
  help: string;
  run(args: string[], options: Options): Promise<void>;
}

export const commands: Record<string, Command> = {
  smoke: {
    help: `  smoke   --url URL (--email E --password P | --token T) [--question Q] [--timeout SEC]
          streams one agent answer and checks order, a single done and the stored copy`,
    run: (_, o) => smoke(o),
  },
  health: {
    help: "  health  --url URL                     each dependency's status and latency",
    run: (_, o) => health(o),
  },
  seed: {
    help: "  seed                                  seeds the demo data into the local stack (local only)",
    run: () => seed(),
  },
  digest: {
    actions: ["run"],
    help: "  digest run [--kind daily|weekly]      runs the digest job now against the local stack",
    run: digest,
  },
  dlq: {
    actions: ["list", "redrive"],
    help: `  dlq list | dlq redrive [--queue-url URL --dlq-url URL]
                                        inspects or redrives the agent dead-letter queue`,
    run: dlq,
  },
  stack: {
    help: `  stack FUNCTION [FILE] [--bundles DIR]
                                        a deployed function's stack trace (FILE, else stdin) as source lines`,
    run: stack,
  },
  tokens: {
    actions: ["create", "list", "revoke"],
    help: `  tokens create --url URL --email E --password P --name N [--scope read|write] [--days N]
                                        creates a personal API token and prints it once
  tokens list | tokens revoke ID  --url URL (--email E --password P | --token T)
                                        lists or revokes your API tokens`,
    run: tokens,
  },
};
