// Synthesizes one stage offline with the `buildReHome` that sst.config.ts deploys, in a plain CDK
// app (no credentials, no sst), and reads the CloudFormation template it produces. Assets are
// staged under the output folder: a function's code is the very folder a deploy would zip.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { buildReHome } from "@rehome/infra/app";
import type { WarmHours } from "@rehome/infra/warm";
import { App, Stack } from "aws-cdk-lib";
import { ACCOUNT, REGION } from "../account";

export interface Resource {
  Type: string;
  Properties?: Record<string, any>;
}

export interface Template {
  Resources: Record<string, Resource>;
}

export interface Synthesized {
  stackName: string;
  template: Template;
  /** The staged folder of an asset named by its S3 key (`<hash>.zip`), as the deploy uploads it. */
  assetDir(s3Key: string): string;
}

export interface SynthesizeOptions {
  stage: string;
  /** `npm run build:lambdas` output: one folder per entry point. */
  bundleDir: string;
  /** The built SPA; a placeholder page is synthesized when it is missing (tests need no web build). */
  webDist: string;
  /** Where the cloud assembly goes; the hosts run each function from a copy of its asset (lambda/task.ts). */
  outDir: string;
  /** The stage's warm hours, as the deploying shell sets them (infra/warm.ts). */
  warm?: WarmHours;
}

export async function synthesize(options: SynthesizeOptions): Promise<Synthesized> {
  const outDir = resolve(options.outDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const webDist = existsSync(join(options.webDist, "index.html"))
    ? options.webDist
    : await placeholderSite(`${outDir}-web`);
  const app = new App({ outdir: outDir });
  const stackName = `ReHome-${options.stage}`;
  const stack = new Stack(app, stackName, { env: { account: ACCOUNT, region: REGION } });
  buildReHome(stack, {
    stage: options.stage,
    bundleDir: resolve(options.bundleDir),
    webDist,
    warm: options.warm,
  });
  const synthesized = app.synth().getStackByName(stackName);
  // Where each asset was staged, by the key a deploy uploads it under: the assets manifest says
  // (a staged folder keeps its source's "extension", so its name cannot be derived from the key).
  const manifest = JSON.parse(
    await readFile(join(outDir, `${stackName}.assets.json`), "utf8"),
  ) as AssetManifest;
  const staged = new Map(
    Object.values(manifest.files).flatMap(({ source, destinations }) =>
      Object.values(destinations).map((d) => [d.objectKey, join(outDir, source.path)] as const),
    ),
  );
  return {
    stackName,
    template: synthesized.template as Template,
    assetDir: (s3Key) => {
      const dir = staged.get(s3Key);
      if (!dir) throw new Error(`no staged asset for ${s3Key} in ${stackName}.assets.json`);
      return dir;
    },
  };
}

interface AssetManifest {
  files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
}

/** The resources of one type, with their logical ids. */
export const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

async function placeholderSite(dir: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "index.html"), "<!doctype html><title>ReHome</title>");
  return dir;
}
