// The SPA on an S3 static website (no CloudFront), deployed with a generated config.json that
// tells the one build which API and WebSocket URLs this stage uses.
import { RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";

export class Web extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, "Site", {
      websiteIndexDocument: "index.html",
      // Client-side routes: S3 answers unknown paths with the SPA itself.
      websiteErrorDocument: "index.html",
      publicReadAccess: true,
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

  get url() {
    return this.bucket.bucketWebsiteUrl;
  }

  /** Uploads the built SPA and its runtime configuration. */
  deploy(props: { distDir: string; apiUrl: string; stage: string }) {
    new deploy.BucketDeployment(this, "Deploy", {
      destinationBucket: this.bucket,
      sources: [
        deploy.Source.asset(props.distDir),
        deploy.Source.jsonData("config.json", { apiUrl: props.apiUrl, stage: props.stage }),
      ],
      prune: true,
    });
  }
}
