// The SPA's first load on a phone, as built and as the deploy stores it in its bucket (scripts and
// styles gzipped, infra/web.ts). S3 sends an object as stored, so the stored bytes are what a
// browser downloads. Two measures in one run:
// - bytes: index.html and everything it names (the entry script, the scripts it preloads, its
//   styles), then the whole build, and the time they take at Lighthouse's "slow 4G" (1.6 Mbit/s);
// - the sign-in form: Debian's Chromium, its network throttled to slow 4G (150 ms, 1.6 Mbit/s
//   down, 750 kbit/s up) and its cache empty, opens `…/index.html#/login` from a server holding
//   the build's objects as the bucket would (local/http.ts's deploySite), until the form shows.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";
import { type SiteObject, siteObject, startHttp } from "@rehome/local/http";
import { asStored } from "../infra/web";
import { CHROMIUM } from "../tests/e2e/chromium";
import { median } from "./stream/stats";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = join(ROOT, "web", "dist");
/** Lighthouse's mobile throttling. */
const SLOW_4G = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const ROUNDS = 5;

const CONFIG = new TextEncoder().encode(JSON.stringify({ apiUrl: "", stage: "bench" }));

type Site = Map<string, SiteObject>;
/** The build's bucket both ways, each built once: as built, and as the deploy stores it. */
type Sites = Record<"asBuilt" | "asStored", Site>;

/** The bucket's objects for this build, with the headers S3 would send (index.html stays as built). */
function siteOf(files: string[], stored: boolean): Site {
  const objects = new Map(
    files.map((file) => {
      const content = readFileSync(join(DIST, file));
      const { body, contentEncoding }: ReturnType<typeof asStored> =
        stored && file.startsWith("assets/") ? asStored(file, content) : { body: content };
      const metadata: Record<string, string> = contentEncoding ? { "content-encoding": contentEncoding } : {};
      return [file, siteObject(file, new Uint8Array(body), metadata)] as const;
    }),
  );
  objects.set("config.json", siteObject("config.json", CONFIG));
  return objects;
}

function bytesOf(files: string[], sites: Sites) {
  const sum = (site: Site) => files.reduce((total, file) => total + (site.get(file)?.body.length ?? 0), 0);
  const [asBuilt, stored] = [sum(sites.asBuilt), sum(sites.asStored)];
  const seconds = (bytes: number) => Number((bytes / SLOW_4G.downloadThroughput).toFixed(2));
  return {
    asBuilt,
    asStored: stored,
    ratio: Number((asBuilt / stored).toFixed(2)),
    slow4gSeconds: { asBuilt: seconds(asBuilt), asStored: seconds(stored) },
  };
}

/** Milliseconds until the sign-in form shows, per encoding, alternating the two each round. */
async function signInFormShown(sites: Sites) {
  if (!existsSync(CHROMIUM.executablePath)) return { skipped: `no browser at ${CHROMIUM.executablePath}` };
  const server = await startHttp({ port: 0 });
  const browser = await chromium.launch(CHROMIUM);
  const times = { asBuilt: [] as number[], asStored: [] as number[] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const encoding of ["asBuilt", "asStored"] as const) {
        server.deploySite(sites[encoding]);
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
        const started = Date.now();
        await page.goto(`${server.url}/index.html#/login`);
        await page.getByLabel("Email").waitFor();
        times[encoding].push(Date.now() - started);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const [asBuilt, stored] = [median(times.asBuilt), median(times.asStored)];
  return {
    rounds: ROUNDS,
    asBuiltMs: asBuilt,
    asStoredMs: stored,
    ratio: Number((asBuilt / stored).toFixed(2)),
    times,
  };
}

export async function webFirstLoad() {
  execFileSync("npm", ["run", "build", "-w", "web"], { cwd: ROOT, stdio: "ignore" });
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const named = [...new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? ""))];
  const everyFile = ["index.html", ...readdirSync(join(DIST, "assets")).map((file) => `assets/${file}`)];
  const sites = { asBuilt: siteOf(everyFile, false), asStored: siteOf(everyFile, true) };
  return {
    method:
      "web/dist as `npm run build -w web` writes it; stored = what infra/web.ts deploys (assets gzipped at level 9, index.html as built); seconds = bytes at 1.6 Mbit/s, latency left out; signInForm = Chromium at slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up), empty cache, until the sign-in form shows, median of the rounds",
    firstLoad: { files: ["index.html", ...named], ...bytesOf(["index.html", ...named], sites) },
    wholeBuild: { files: everyFile.length, ...bytesOf(everyFile, sites) },
    signInForm: await signInFormShown(sites),
  };
}
