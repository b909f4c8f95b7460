// The SPA on S3, served over HTTPS from the bucket's REST endpoint (no CloudFront, and not the
// HTTP-only website endpoint), deployed with a generated config.json that tells the one build
// which API this stage uses. Routes live in the URL fragment (web/src/router.tsx).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { AssetHashType, DockerImage, Duration, type ILocalBundling, RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";

const { CacheControl } = deploy;

export class Web extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, "Site", {
      // Anyone may read an object (s3:GetObject only: no listing), and only over TLS.
      publicReadAccess: true,
      enforceSSL: true,
      blockPublicAccess: new s3.BlockPublicAccess({
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      }),
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
  }

  /** What browsers send as Origin from the SPA: the API's and the uploads bucket's CORS allow it. */
  get origin() {
    return `https://${this.bucket.bucketRegionalDomainName}`;
  }

  /** The SPA's address. The REST endpoint has no index document, so the URL names the file. */
  get url() {
    return `${this.origin}/index.html`;
  }

  /**
   * Uploads the built SPA and its runtime configuration, each with the caching it can bear:
   * Vite's content-hashed assets forever, index.html revalidated on every load, config.json
   * never stored. Assets a browser reads as text are stored gzipped (`Content-Encoding: gzip`):
   * S3 sends an object as it is stored, and with no CloudFront in front nothing else compresses
   * them, so a phone's first load would carry three times the bytes.
   */
  deploy(props: { distDir: string; apiUrl: string; stage: string }) {
    const build = deploy.Source.asset(props.distDir);
    const immutable = [
      CacheControl.setPublic(),
      CacheControl.maxAge(Duration.days(365)),
      CacheControl.immutable(),
    ];
    // Kept after a deploy (no prune): a tab still running the previous build can load its lazy chunks.
    const assets = (
      [
        ["Assets", stagedAssets(props.distDir, "gzip")],
        ["UncompressedAssets", stagedAssets(props.distDir, "as built")],
      ] as const
    ).flatMap(([id, staged]) =>
      staged
        ? [
            new deploy.BucketDeployment(this, id, {
              destinationBucket: this.bucket,
              sources: [staged.source],
              contentEncoding: staged.contentEncoding,
              cacheControl: immutable,
              prune: false,
            }),
          ]
        : [],
    );
    const config = new deploy.BucketDeployment(this, "Config", {
      destinationBucket: this.bucket,
      sources: [deploy.Source.jsonData("config.json", { apiUrl: props.apiUrl, stage: props.stage })],
      cacheControl: [CacheControl.noCache(), CacheControl.noStore()],
      prune: false,
    });
    // Everything else (index.html): pruned, but never the files the other deployments own.
    const shell = new deploy.BucketDeployment(this, "Shell", {
      destinationBucket: this.bucket,
      sources: [build],
      exclude: ["assets/*", "config.json"],
      cacheControl: [CacheControl.noCache()],
      prune: true,
    });
    // A new index.html names assets (and expects a config) that must already be there.
    shell.node.addDependency(...assets, config);
  }
}

/** What a browser reads as text (scripts, styles, vector images, source maps): gzip shrinks it. */
const COMPRESSIBLE = new Set([
  ".js",
  ".mjs",
  ".css",
  ".svg",
  ".json",
  ".map",
  ".txt",
  ".html",
  ".webmanifest",
]);

const isCompressible = (file: string) => COMPRESSIBLE.has(extname(file).toLowerCase());

/** A built asset as the site's bucket stores it: gzipped when compressible, otherwise as built. */
export const asStored = (
  file: string,
  content: Uint8Array,
): { body: Uint8Array; contentEncoding?: "gzip" } =>
  isCompressible(file)
    ? { body: gzipSync(content, { level: 9 }), contentEncoding: "gzip" }
    : { body: content };

/**
 * The build's `assets/` files of one kind, staged as their deployment uploads them: the
 * compressible ones gzipped, the rest (images, fonts: compressed already) as built. Undefined
 * when the build has none of that kind (a deployment needs a file to upload).
 */
function stagedAssets(distDir: string, encoding: Encoding) {
  const from = join(distDir, "assets");
  const files = existsSync(from)
    ? readdirSync(from, { withFileTypes: true })
        .filter((entry) => entry.isFile() && isCompressible(entry.name) === (encoding === "gzip"))
        .map((entry) => entry.name)
    : [];
  if (files.length === 0) return undefined;
  const source = deploy.Source.asset(distDir, {
    // The staged files' own hash: a new build or a new encoding is a new asset.
    assetHashType: AssetHashType.OUTPUT,
    // Staged on the deploying machine by `local`; the image is never used.
    bundling: { image: DockerImage.fromRegistry("scratch"), local: new AssetStager(from, files) },
  });
  return { source, contentEncoding: encoding === "gzip" ? "gzip" : undefined };
}

type Encoding = "gzip" | "as built";

/** Its fields are part of CDK's bundling cache key, so each deployment's files are staged apart. */
class AssetStager implements ILocalBundling {
  constructor(
    readonly from: string,
    readonly files: string[],
  ) {}

  tryBundle(outputDir: string) {
    mkdirSync(join(outputDir, "assets"));
    for (const file of this.files)
      writeFileSync(
        join(outputDir, "assets", file),
        asStored(file, readFileSync(join(this.from, file))).body,
      );
    return true;
  }
}
