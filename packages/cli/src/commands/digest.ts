// `rehome digest run`: runs the scheduled digest job now against the local stack, exactly as
// the schedule would (the same handler, the same event shape).

import { useLocalStack } from "../local";
import type { Options } from "../main";
import { CliError, ok } from "../output";

export async function digest(args: string[], options: Options) {
  if (args[0] !== "run") throw new CliError("usage: rehome digest run [--kind daily|weekly]");
  if (options.kind !== "daily" && options.kind !== "weekly") throw new CliError("--kind is daily or weekly");
  await useLocalStack();
  const { handler } = await import("@rehome/functions/digest-schedule");
  const result = await handler({
    source: "rehome.cli",
    "detail-type": "digest",
    detail: { kind: options.kind },
  });
  ok(`${options.kind} digest jobs queued: ${JSON.stringify(result ?? {})}`);
}
