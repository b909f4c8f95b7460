// The HTTP API: every route goes to the one Hono Lambda, CORS for the SPA origin. Also the
// private uploads bucket browsers post files to with presigned POSTs, versioned so an overwritten
// or deleted file can be restored for 30 days (RUNBOOK §10).
import { STAGING_DAYS, STAGING_PREFIX } from "@rehome/core/file/keys";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { Functions } from "./functions";
import { Warm, type WarmHours } from "./warm";

export class Api extends Construct {
  readonly http: apigw.HttpApi;
  readonly handler: lambda.Function;
  readonly uploads: s3.Bucket;

  constructor(
    scope: Construct,
    id: string,
    props: { stage: string; functions: Functions; webOrigin: string; warm?: WarmHours },
  ) {
    super(scope, id);
    const prod = props.stage === "prod";
    this.uploads = new s3.Bucket(this, "Uploads", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !prod,
      cors: [
        {
          allowedOrigins: [props.webOrigin],
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.POST, s3.HttpMethods.HEAD],
          allowedHeaders: ["*"],
          exposedHeaders: ["ETag"],
          maxAge: 600,
        },
      ],
      versioned: true,
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Older versions are the backup: kept 30 days, then gone, and the delete markers with them.
        { noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
        // Form posts land under the staging prefix and `complete` copies the checked bytes out:
        // what is left (abandoned uploads, forms posted again) needs no backup and is swept.
        {
          prefix: STAGING_PREFIX,
          expiration: Duration.days(STAGING_DAYS),
          noncurrentVersionExpiration: Duration.days(STAGING_DAYS),
        },
      ],
    });
    this.handler = props.functions.create("http", { timeout: Duration.seconds(29) });
    this.uploads.grantReadWrite(this.handler);
    this.uploads.grantDelete(this.handler);
    // With warm hours set, requests go through the alias that holds the provisioned sandboxes.
    const invoked = props.warm
      ? new Warm(this, "Warm", { fn: this.handler, ...props.warm }).target
      : this.handler;
    this.http = new apigw.HttpApi(this, "Http", {
      apiName: `rehome-${props.stage}-http`,
      corsPreflight: {
        allowOrigins: [props.webOrigin],
        allowHeaders: ["Authorization", "Content-Type", "X-Request-ID"],
        allowMethods: [apigw.CorsHttpMethod.ANY],
        exposeHeaders: ["X-Request-ID", "Retry-After"],
        maxAge: Duration.minutes(10),
      },
      defaultIntegration: new HttpLambdaIntegration("Hono", invoked),
    });
  }
}
