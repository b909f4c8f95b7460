import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../infra/bundle";
import { spawnChild } from "./ipc";

interface Seen {
  execArgv: string[];
  sourceMaps: boolean;
}

// A flag standing in for the TypeScript loader's: the parent's own flags, which a plain child must not get.
const PARENT_FLAG = "--stack-trace-limit=17";

describe("spawnChild", () => {
  let dir: string;
  let child: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rehome-ipc-"));
    const entry = join(dir, "child.ts");
    await writeFile(
      entry,
      `import { serve } from ${JSON.stringify(resolve(import.meta.dirname, "ipc.ts"))};
serve({ execArgv: process.execArgv, sourceMaps: process.sourceMapsEnabled }, { stop: () => undefined });`,
    );
    child = (await bundle(entry, join(dir, "child"))).file;
    process.execArgv.push(PARENT_FLAG);
  });
  afterAll(async () => {
    process.execArgv.splice(process.execArgv.indexOf(PARENT_FLAG), 1);
    await rm(dir, { recursive: true, force: true });
  });

  it("runs a plain child with its own flags only, as Lambda's runtime runs a bundle", async () => {
    const plain = await spawnChild<Seen>(child, null, { nodeFlags: ["--expose-gc"], plain: true });
    await plain.stop();
    expect(plain.ready).toEqual({ execArgv: ["--expose-gc"], sourceMaps: false });
  });

  it("passes this process's flags on to any other child", async () => {
    const inherited = await spawnChild<Seen>(child, null, { nodeFlags: ["--expose-gc"] });
    await inherited.stop();
    expect(inherited.ready.execArgv).toContain(PARENT_FLAG);
    expect(inherited.ready.execArgv.at(-1)).toBe("--expose-gc");
  });
});
