// The SPA's bucket as a deploy leaves it: every BucketDeployment of the template into a site
// bucket, its staged files filtered by its Exclude and Include patterns, its deploy-time markers
// filled in (AWS addresses made local), each object kept with the deployment's metadata
// (Cache-Control, Content-Encoding). The browser then meets the very bytes and headers S3 would
// serve, not the build folder.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { type SiteObject, siteObject } from "../http";
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

export interface SiteOptions {
  resolve: Resolve;
  /** The staged folder of an asset named by its S3 key (template.ts). */
  assetDir(s3Key: string): string;
  /** AWS addresses in a marker's value → the local endpoints serving them (network.ts). */
  localize(value: string): string;
}

/** The objects the site bucket holds after the deployments ran, by key. */
export async function siteObjectsOf(template: Template, options: SiteOptions) {
  const objects = new Map<string, SiteObject>();
  for (const [, { Properties: p = {} }] of resourcesOf(template, "Custom::CDKBucketDeployment")) {
    const keep = keptBy(p.Exclude ?? [], p.Include ?? []);
    const metadata = p.SystemMetadata as Record<string, string> | undefined;
    const keys = p.SourceObjectKeys as string[];
    for (const [i, s3Key] of keys.entries()) {
      const markers = Object.entries((p.SourceMarkers?.[i] ?? {}) as Record<string, unknown>).map(
        ([marker, value]) => [marker, options.localize(String(options.resolve(value)))] as const,
      );
      const dir = options.assetDir(s3Key);
      const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      for (const file of files.map((e) => join(e.parentPath, e.name))) {
        const key = relative(dir, file).split("\\").join("/");
        if (!keep(key)) continue;
        let body = await readFile(file);
        if (markers.length > 0) {
          const text = markers.reduce((t, [marker, value]) => t.replaceAll(marker, value), body.toString());
          body = Buffer.from(text);
        }
        objects.set(key, siteObject(key, body, metadata));
      }
    }
  }
  return objects;
}

/**
 * `aws s3 sync`'s filters, as the deployment applies them: every file is in, then each Exclude and
 * then each Include pattern decides for the files it matches, the last match winning. A pattern's
 * `*` matches any run of characters, `/` included, and `?` any one.
 */
function keptBy(exclude: string[], include: string[]) {
  const filters = [...exclude.map((p) => [p, false] as const), ...include.map((p) => [p, true] as const)].map(
    ([pattern, kept]) => [globToRegExp(pattern), kept] as const,
  );
  return (key: string) =>
    filters.reduce((kept, [pattern, decides]) => (pattern.test(key) ? decides : kept), true);
}

const globToRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split("")
      .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("")}$`,
  );
