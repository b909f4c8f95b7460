// Every AWS::Lambda::Function of the template as the rehearsal runs it: code from its staged
// asset, handler, runtime, timeout, memory and environment exactly from the template (resolved and
// localized), its own role and credentials. Deploy-time custom resource handlers (invoked only by
// CloudFormation) are left out; anything else that cannot be rehearsed stops the rehearsal.
import { ACCOUNT, REGION } from "../account";
import { credentialsFor, type Principal } from "./guard";
import type { Role } from "./iam";
import type { FunctionSpec } from "./lambda/host";
import { type Resolve, Unresolvable } from "./resolve";
import { resourcesOf, type Template } from "./template";

export interface RehearsedFunction {
  spec: Omit<FunctionSpec, "concurrency"> & { reservedConcurrency?: number };
  principal: Principal;
}

export interface FunctionSetup {
  template: Template;
  resolve: Resolve;
  /** Turns AWS addresses in a resolved value into local ones (network.ts). */
  localize(value: string): string;
  network: Record<string, string>;
  roles: Map<string, Role>;
  assetDir(s3Key: string): string;
}

export function discoverFunctions(setup: FunctionSetup) {
  const deployTime = deployTimeHandlers(setup.template);
  const functions: RehearsedFunction[] = [];
  const skipped: string[] = [];
  for (const [logicalId, resource] of resourcesOf(setup.template, "AWS::Lambda::Function")) {
    if (deployTime.has(logicalId)) {
      skipped.push(`${logicalId} (a deploy-time custom resource handler)`);
      continue;
    }
    const fn = rehearsed(logicalId, resource.Properties ?? {}, setup);
    const provisioned = provisionedOf(fn.spec.name, setup);
    if (provisioned > 0) {
      fn.spec.provisioned = provisioned;
      skipped.push(
        `${logicalId}'s provisioned concurrency schedule (its ${provisioned} sandboxes start with the rehearsal, initialized as provisioned, and stay)`,
      );
    }
    functions.push(fn);
  }
  return { functions, skipped };
}

/**
 * The sandboxes Lambda keeps initialized for a function: the largest provisioned concurrency of
 * its aliases, set on the alias or by Application Auto Scaling (as at the height of a schedule).
 */
function provisionedOf(name: string, { template, resolve }: FunctionSetup) {
  const aliases = resourcesOf(template, "AWS::Lambda::Alias")
    .map(([id, alias]) => ({
      qualified: `${name}:${String(resolve(alias.Properties?.Name))}`,
      fixed: Number(alias.Properties?.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions ?? 0),
      of: String(resolve({ Ref: id })),
    }))
    .filter((alias) => alias.of.endsWith(`:function:${alias.qualified}`));
  const scaled = resourcesOf(template, "AWS::ApplicationAutoScaling::ScalableTarget")
    .map(([, target]) => target.Properties ?? {})
    .filter((p) => p.ScalableDimension === "lambda:function:ProvisionedConcurrency")
    .map((p) => ({ resourceId: String(resolve(p.ResourceId)), max: Number(p.MaxCapacity ?? 0) }));
  return Math.max(
    0,
    ...aliases.map((alias) =>
      Math.max(
        alias.fixed,
        ...scaled.filter((t) => t.resourceId === `function:${alias.qualified}`).map((t) => t.max),
      ),
    ),
  );
}

function rehearsed(logicalId: string, p: Record<string, any>, setup: FunctionSetup): RehearsedFunction {
  const name = String(setup.resolve({ Ref: logicalId }));
  const stop = (why: string) => new Error(`function ${logicalId} (${name}): ${why}`);
  const runtime = String(p.Runtime ?? "");
  if (!runtime.startsWith("nodejs")) throw stop(`runtime ${runtime || "(container image)"} is not rehearsed`);
  const s3Key = p.Code?.S3Key;
  if (typeof s3Key !== "string") throw stop("only code from an asset (S3Key) is rehearsed");

  const environment: Record<string, string> = {};
  for (const [variable, value] of Object.entries(p.Environment?.Variables ?? {})) {
    try {
      const resolved = setup.resolve(value);
      if (typeof resolved !== "string" && typeof resolved !== "number")
        throw new Unresolvable(`it resolves to ${JSON.stringify(resolved)}, not a string`);
      environment[variable] = setup.localize(String(resolved));
    } catch (error) {
      if (error instanceof Unresolvable)
        throw stop(`environment variable ${variable} cannot be resolved: ${error.message}`);
      throw error;
    }
  }
  const roleId = p.Role?.["Fn::GetAtt"]?.[0];
  const role = setup.roles.get(roleId) ?? [...setup.roles.values()].find((r) => r.arn === p.Role);
  if (!role) throw stop(`its role ${JSON.stringify(p.Role)} is not a role of the template`);
  const logGroup = p.LoggingConfig?.LogGroup
    ? String(setup.resolve(p.LoggingConfig.LogGroup))
    : `/aws/lambda/${name}`;
  const credentials = credentialsFor(logicalId);
  return {
    spec: {
      logicalId,
      name,
      arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
      root: setup.assetDir(s3Key),
      handler: String(p.Handler ?? "index.handler"),
      runtime,
      timeoutSeconds: Number(p.Timeout ?? 3),
      memoryMb: Number(p.MemorySize ?? 128),
      environment: { ...environment, ...setup.network },
      credentials,
      logGroup,
      region: REGION,
      reservedConcurrency:
        p.ReservedConcurrentExecutions === undefined ? undefined : Number(p.ReservedConcurrentExecutions),
    },
    principal: { logicalId, name, role, credentials },
  };
}

/** Names of the secrets functions receive by ARN (`*_SECRET_ARN`, CDK's partial ARN without the random suffix). */
export const secretsReferenced = (functions: RehearsedFunction[]) => [
  ...new Set(
    functions.flatMap((f) =>
      Object.entries(f.spec.environment)
        .filter(([variable]) => variable.endsWith("_SECRET_ARN"))
        .map(([, arn]) => arn.replace(/^arn:aws:secretsmanager:[^:]+:\d+:secret:/, "")),
    ),
  ),
];

/** Functions some custom resource names as its ServiceToken: CloudFormation alone invokes them. */
function deployTimeHandlers(template: Template) {
  const ids = new Set<string>();
  for (const resource of Object.values(template.Resources)) {
    const token = resource.Properties?.ServiceToken;
    const id = token?.["Fn::GetAtt"]?.[0];
    if (typeof id === "string") ids.add(id);
  }
  return ids;
}
