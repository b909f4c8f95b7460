// `rehome health`: each dependency's status and latency; exit 1 when any fails, 2 while the
// stack is still starting (up, not ready: the local runtime seeding its demo data).

import { request } from "../http";
import type { Options } from "../main";
import { CliError, ok } from "../output";

type Report = {
  status: string;
  version: string;
  stage: string;
  uptimeSec: number;
  checks: Record<string, { status: string; latencyMs: number; detail?: string }>;
};

export async function health(options: Options) {
  const report = await request<Report>(options.url, "/health");
  if (report.status === "starting")
    throw new CliError(`stack at ${options.url} is starting, not ready yet: try again in a few seconds`, 2);
  for (const [name, check] of Object.entries(report.checks)) {
    const mark = check.status === "ok" ? "ok  " : "FAIL";
    console.log(
      `  ${mark} ${name.padEnd(10)} ${String(check.latencyMs).padStart(5)} ms  ${check.detail ?? ""}`,
    );
  }
  if (report.status !== "ok") throw new CliError(`stack at ${options.url} is ${report.status}`);
  ok(`${options.url} healthy (stage ${report.stage}, version ${report.version}, up ${report.uptimeSec}s)`);
}
