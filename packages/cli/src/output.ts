// What the CLI prints: progress on stderr, results on stdout, one clear line on failure.
export class CliError extends Error {
  /** 1 for a failure; another code where a script may want to tell cases apart (health: 2 = starting). */
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function fail(error: unknown): never {
  const message =
    error instanceof CliError ? error.message : error instanceof Error ? error.message : String(error);
  console.error(`✗ ${message}`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
}

export const ok = (message: string) => console.log(`✓ ${message}`);

/** A one-line progress bar on a terminal; plain milestone lines otherwise (CI logs). */
export function progress(label: string, total: number) {
  const tty = process.stderr.isTTY;
  let last = -1;
  return (done: number) => {
    const ratio = Math.min(1, done / total);
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}`);
      if (ratio === 1) process.stderr.write("\n");
      return;
    }
    const step = Math.floor(ratio * 4);
    if (step > last) {
      last = step;
      process.stderr.write(`${label} ${Math.round(ratio * 100)}% (${done})\n`);
    }
  };
}
