// How every ReHome Lambda is built: Node.js 22 on arm64, JSON logs with a retention, X-Ray
// active tracing, its own role (CDK creates one per function; grants add only the actions it
// uses), code from the prebuilt bundle folder (`npm run build:lambdas`), secrets by ARN only.
import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as secrets from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";

export interface FunctionsProps {
  stage: string;
  /** Folder with one sub-folder per entry point, each holding index.mjs. */
  bundleDir: string;
  /** Environment every function shares (table names, URLs…). */
  environment: Record<string, string>;
}

export class Functions extends Construct {
  readonly all: lambda.Function[] = [];
  private readonly props: FunctionsProps;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    this.props = props;
  }

  create(
    name: string,
    options: {
      timeout?: Duration;
      memorySize?: number;
      environment?: Record<string, string>;
      reservedConcurrency?: number;
    } = {},
  ) {
    const fn = new lambda.Function(this, name, {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: "index.handler",
      code: lambda.Code.fromAsset(`${this.props.bundleDir}/${name}`),
      timeout: options.timeout ?? Duration.seconds(15),
      memorySize: options.memorySize ?? 512,
      reservedConcurrentExecutions: options.reservedConcurrency,
      // Shows cold starts (Init) and slow invocations per request; API Gateway v2 has no X-Ray.
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup: new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_MONTH }),
      environment: {
        STAGE: this.props.stage,
        ...this.props.environment,
        ...options.environment,
      },
    });
    this.all.push(fn);
    return fn;
  }

  /** Passes a secret by ARN and lets the function read that one secret's value, nothing more. */
  static useSecret(fn: lambda.Function, variable: string, secret: secrets.ISecret) {
    fn.addEnvironment(`${variable}_SECRET_ARN`, secret.secretArn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["secretsmanager:GetSecretValue"],
        // Secrets Manager appends six random characters to the name in the full ARN.
        resources: [`${secret.secretArn}-??????`],
      }),
    );
  }
}
