// Resolves CloudFormation intrinsics (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split)
// to the values AWS would give, in the fixed fake account and region: physical names, ARNs,
// execute-api and S3 URLs. What has no local counterpart throws Unresolvable, naming it.
// Turning AWS URLs into local endpoints is network.ts's job, not this one's.
import { createHash } from "node:crypto";
import { ACCOUNT, REGION } from "../account";
import type { Template } from "./template";

export class Unresolvable extends Error {}

export interface ResolveOptions {
  stackName: string;
  /** Prefix of physical names (tables, queues, buckets…); tests use a random one. */
  prefix: string;
  /** Queue URLs are the local SQS's: `${sqsEndpoint}/${ACCOUNT}/${name}`. */
  sqsEndpoint: string;
}

export type Resolve = (value: unknown) => unknown;

const PSEUDO: Record<string, (o: ResolveOptions) => string> = {
  "AWS::Region": () => REGION,
  "AWS::AccountId": () => ACCOUNT,
  "AWS::Partition": () => "aws",
  "AWS::URLSuffix": () => "amazonaws.com",
  "AWS::StackName": (o) => o.stackName,
  "AWS::StackId": (o) => `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${o.stackName}/local`,
};

/** A resolver over one template: `resolve(value)` returns the value with every intrinsic replaced. */
export function resolver(template: Template, options: ResolveOptions) {
  const physical = physicalNames(template, options);
  const resource = (id: string) => {
    const found = template.Resources[id];
    if (!found) throw new Unresolvable(`no resource ${id} in the template`);
    return found;
  };

  const ref = (id: string): string => {
    const pseudo = PSEUDO[id];
    if (pseudo) return pseudo(options);
    const { Type } = resource(id);
    const name = physical(id);
    switch (Type) {
      case "AWS::SQS::Queue":
        return `${options.sqsEndpoint}/${ACCOUNT}/${name}`;
      case "AWS::SNS::Topic":
      case "AWS::SecretsManager::Secret":
        return getAtt(id, "Arn");
      case "AWS::IAM::ManagedPolicy":
        return `arn:aws:iam::${ACCOUNT}:policy/${name}`;
      case "AWS::Lambda::Alias":
      case "AWS::Lambda::Version":
        return qualifiedArn(id);
      default:
        if (REF_IS_NAME.has(Type)) return name;
        throw new Unresolvable(`Ref to ${id} (${Type}): no local stand-in`);
    }
  };

  /** An alias's or a version's ARN: its function's, qualified by the alias name or the version (each function has one, 1). */
  const qualifiedArn = (id: string) => {
    const { Type, Properties = {} } = resource(id);
    const fn = text(Properties.FunctionName);
    const base = fn.startsWith("arn:") ? fn : `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn}`;
    if (Type === "AWS::Lambda::Version") return `${base}:${PUBLISHED_VERSION}`;
    // The version an alias points to must resolve too, or the alias names nothing.
    text(Properties.FunctionVersion);
    return `${base}:${text(Properties.Name)}`;
  };

  const getAtt = (id: string, attribute: string): string => {
    const { Type, Properties = {} } = resource(id);
    const name = physical(id);
    const value = attributes(Type, name, Properties)[attribute];
    if (value === undefined)
      throw new Unresolvable(`Fn::GetAtt ${id}.${attribute} (${Type}): no local stand-in`);
    return value;
  };

  const resolve: Resolve = (value) => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== "object") return value;
    const entries = Object.entries(value);
    const [key, argument] = entries[0] ?? [];
    if (entries.length === 1 && key && (key === "Ref" || key.startsWith("Fn::")))
      return intrinsic(key, argument);
    return Object.fromEntries(entries.map(([k, v]) => [k, resolve(v)]));
  };

  const text = (value: unknown) => {
    const resolved = resolve(value);
    if (typeof resolved !== "string" && typeof resolved !== "number")
      throw new Unresolvable(`expected a string, got ${JSON.stringify(resolved)}`);
    return String(resolved);
  };

  function intrinsic(name: string, argument: any): unknown {
    switch (name) {
      case "Ref":
        return ref(text(argument));
      case "Fn::GetAtt": {
        const [id, ...attribute] = typeof argument === "string" ? argument.split(".") : argument;
        return getAtt(text(id), attribute.map(text).join("."));
      }
      case "Fn::Join":
        return (resolve(argument[1]) as unknown[]).map(text).join(text(argument[0]));
      case "Fn::Select":
        return (resolve(argument[1]) as unknown[])[Number(text(argument[0]))];
      case "Fn::Split":
        return text(argument[1]).split(text(argument[0]));
      case "Fn::Sub": {
        const [pattern, variables = {}] = typeof argument === "string" ? [argument] : argument;
        return text(pattern).replace(/\$\{([^}!]+)\}/g, (_, expression: string) => {
          if (expression in variables) return text(variables[expression]);
          const [id = "", ...attribute] = expression.split(".");
          return attribute.length ? getAtt(id, attribute.join(".")) : ref(id);
        });
      }
      default:
        throw new Unresolvable(`${name} is not rehearsed`);
    }
  }

  return { resolve, text, physical };
}

/** The one version a rehearsed function has published: a deploy publishes at most one per function. */
const PUBLISHED_VERSION = "1";

/** Types whose Ref is their physical name (or, for APIs and stages, their id). */
const REF_IS_NAME = new Set([
  "AWS::DynamoDB::GlobalTable",
  "AWS::DynamoDB::Table",
  "AWS::S3::Bucket",
  "AWS::Lambda::Function",
  "AWS::IAM::Role",
  "AWS::Logs::LogGroup",
  "AWS::ApiGatewayV2::Api",
  "AWS::ApiGatewayV2::Integration",
  "AWS::ApiGatewayV2::Route",
  "AWS::ApiGatewayV2::Stage",
  "AWS::Events::Rule",
  "AWS::Scheduler::Schedule",
]);

/** The attributes Fn::GetAtt can read, per type, as AWS names them. */
function attributes(type: string, name: string, properties: Record<string, any>): Record<string, string> {
  const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  const executeApi = `${name}.execute-api.${REGION}.amazonaws.com`;
  switch (type) {
    case "AWS::DynamoDB::GlobalTable":
    case "AWS::DynamoDB::Table":
      return {
        Arn: arn("dynamodb", `table/${name}`),
        StreamArn: arn("dynamodb", `table/${name}/stream/local`),
      };
    case "AWS::S3::Bucket":
      return {
        Arn: `arn:aws:s3:::${name}`,
        DomainName: `${name}.s3.amazonaws.com`,
        RegionalDomainName: `${name}.s3.${REGION}.amazonaws.com`,
        WebsiteURL: `http://${name}.s3-website-${REGION}.amazonaws.com`,
      };
    case "AWS::SQS::Queue":
      return { Arn: arn("sqs", name), QueueName: name };
    case "AWS::Lambda::Function":
      return { Arn: arn("lambda", `function:${name}`) };
    case "AWS::Lambda::Version":
      return { Version: PUBLISHED_VERSION };
    case "AWS::IAM::Role":
      return {
        Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
        RoleId: `AROA${name.toUpperCase().slice(0, 17)}`,
      };
    case "AWS::Logs::LogGroup":
      return { Arn: arn("logs", `log-group:${name}:*`) };
    case "AWS::SNS::Topic":
      return { Arn: arn("sns", name), TopicName: name };
    case "AWS::SecretsManager::Secret":
      return { Arn: arn("secretsmanager", `secret:${name}-local0`) };
    case "AWS::ApiGatewayV2::Api":
      return {
        ApiId: name,
        ApiEndpoint: `${properties.ProtocolType === "WEBSOCKET" ? "wss" : "https"}://${executeApi}`,
      };
    case "AWS::Events::Rule":
      return { Arn: arn("events", `rule/${name}`) };
    case "AWS::Scheduler::Schedule":
      return { Arn: arn("scheduler", `schedule/default/${name}`) };
    default:
      return {};
  }
}

/** Physical names: the name property a resource sets, else `${prefix}-${logicalId}` as CloudFormation would generate one. */
function physicalNames(template: Template, options: ResolveOptions) {
  const cache = new Map<string, string>();
  const given: Record<string, string> = {
    "AWS::DynamoDB::GlobalTable": "TableName",
    "AWS::DynamoDB::Table": "TableName",
    "AWS::S3::Bucket": "BucketName",
    "AWS::SQS::Queue": "QueueName",
    "AWS::Lambda::Function": "FunctionName",
    "AWS::IAM::Role": "RoleName",
    "AWS::Logs::LogGroup": "LogGroupName",
    "AWS::SNS::Topic": "TopicName",
    "AWS::SecretsManager::Secret": "Name",
    "AWS::ApiGatewayV2::Stage": "StageName",
    "AWS::Events::Rule": "Name",
    "AWS::Scheduler::Schedule": "Name",
  };
  return (id: string) => {
    const known = cache.get(id);
    if (known) return known;
    const resource = template.Resources[id];
    const property = resource && given[resource.Type];
    const named = property ? resource.Properties?.[property] : undefined;
    const name =
      typeof named === "string" ? named : generatedName(resource?.Type ?? "", `${options.prefix}-${id}`, id);
    cache.set(id, name);
    return name;
  };
}

function generatedName(type: string, name: string, id: string) {
  // API Gateway ids are ten lowercase characters; buckets are lowercase, at most 63.
  if (type.startsWith("AWS::ApiGatewayV2::"))
    return createHash("sha256").update(name).digest("hex").slice(0, 10);
  if (type === "AWS::S3::Bucket") return name.toLowerCase().slice(0, 63);
  if (type === "AWS::Logs::LogGroup") return `/aws/${id}`;
  return name.slice(0, 64);
}
