// Fresh Node processes, timed: each round starts every target once, in turn, so a load that drifts
// during the run (this machine is shared) touches every target alike and ratios within one run
// stay fair. A process reports the CPU it used itself, on exit, as JSON on its last stdout line.
// One process at a time, awaited without blocking: the local stand-ins it may call live here.
import { spawn } from "node:child_process";

export interface Target {
  name: string;
  /** Arguments to node. */
  args: string[];
}

export interface Timed {
  /** Median and spread of the process's wall time, as the parent saw it, in ms. */
  wallMs: Spread;
  /** Median and spread of the CPU the process used (user + system), in ms: steadier under load. */
  cpuMs: Spread;
  /** Medians of the numbers the process printed, if any. */
  reported: Record<string, number>;
}

export interface Spread {
  median: number;
  p25: number;
  p75: number;
}

/** Code that prints the process's own CPU time when it exits; every target runs it. */
export const REPORT_CPU =
  "process.on('exit',()=>{const u=process.cpuUsage();process.stdout.write('\\n'+JSON.stringify({cpuMs:(u.user+u.system)/1000,...globalThis.reported}))});";

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
};

export const spread = (values: number[]): Spread => ({
  median: Math.round(quantile(values, 0.5)),
  p25: Math.round(quantile(values, 0.25)),
  p75: Math.round(quantile(values, 0.75)),
});

async function run(target: Target, env: NodeJS.ProcessEnv) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, target.args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) throw new Error(`${target.name} exited with ${code}: ${stderr.slice(-2000)}`);
  return { wall, printed: JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number> };
}

export async function timeProcesses(targets: Target[], rounds: number, env: NodeJS.ProcessEnv) {
  const samples = new Map(targets.map((t) => [t.name, [] as Awaited<ReturnType<typeof run>>[]]));
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) samples.get(target.name)?.push(await run(target, env));
  }
  return Object.fromEntries(
    [...samples].map(([name, runs]): [string, Timed] => {
      const keys = Object.keys(runs[0]?.printed ?? {}).filter((key) => key !== "cpuMs");
      return [
        name,
        {
          wallMs: spread(runs.map((r) => r.wall)),
          cpuMs: spread(runs.map((r) => r.printed.cpuMs ?? 0)),
          reported: Object.fromEntries(
            keys.map((key) => [key, spread(runs.map((r) => r.printed[key] ?? 0)).median]),
          ),
        },
      ];
    }),
  );
}
