// The SPA on S3, served over HTTPS from the bucket's REST endpoint (no CloudFront, and not the
// HTTP-only website endpoint), deployed with a generated config.json that tells the one build
// which API this stage uses. Routes live in the URL fragment (web/src/router.tsx).
import { Duration, RemovalPolicy } from "aws-cdk-lib";
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
   * never stored.
   */
  deploy(props: { distDir: string; apiUrl: string; stage: string }) {
    const build = deploy.Source.asset(props.distDir);
    // Kept after a deploy (no prune): a tab still running the previous build can load its lazy chunks.
    const assets = new deploy.BucketDeployment(this, "Assets", {
      destinationBucket: this.bucket,
      sources: [build],
      exclude: ["*"],
      include: ["assets/*"],
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      prune: false,
    });
    const config = new deploy.BucketDeployment(this, "Config", {
      destinationBucket: this.bucket,
      sources: [deploy.Source.jsonData("config.json", { apiUrl: props.apiUrl, stage: props.stage })],
      cacheControl: [CacheControl.noCache(), CacheControl.noStore()],
      prune: false,
    });
    // Everything else (index.html): pruned, but never the files the other two deployments own.
    const shell = new deploy.BucketDeployment(this, "Shell", {
      destinationBucket: this.bucket,
      sources: [build],
      exclude: ["assets/*", "config.json"],
      cacheControl: [CacheControl.noCache()],
      prune: true,
    });
    // A new index.html names assets (and expects a config) that must already be there.
    shell.node.addDependency(assets, config);
  }
}
