// Each role's identity policies as the template grants them (AWS::IAM::Policy and
// AWS::IAM::ManagedPolicy attached to the role, the role's inline Policies and the AWS managed
// policies it names), and IAM's evaluation: an explicit Deny wins, else some Allow must match
// the action (wildcards, case-insensitive) and the resource (wildcards). Resource policies,
// permission boundaries and conditions are not evaluated: a conditional Allow never matches.
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

export interface Statement {
  effect: "Allow" | "Deny";
  actions: string[];
  notActions?: string[];
  resources: string[];
  notResources?: string[];
  conditional: boolean;
  /** The policy it came from, for the report. */
  policy: string;
}

export interface Role {
  logicalId: string;
  arn: string;
  name: string;
  statements: Statement[];
  /** Managed policies named by ARN that the rehearsal does not know, so cannot evaluate. */
  unknownManagedPolicies: string[];
}

/** The AWS managed policies the template's roles use, as AWS defines them. */
const MANAGED: Record<string, { actions: string[]; resource: string }[]> = {
  "service-role/AWSLambdaBasicExecutionRole": [
    { actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], resource: "*" },
  ],
  AWSXRayDaemonWriteAccess: [
    {
      actions: [
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "xray:GetSamplingStatisticSummaries",
      ],
      resource: "*",
    },
  ],
  "service-role/AWSLambdaSQSQueueExecutionRole": [
    {
      actions: [
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:GetQueueAttributes",
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
      ],
      resource: "*",
    },
  ],
};

export function rolesOf(template: Template, resolve: Resolve): Map<string, Role> {
  const roles = new Map<string, Role>();
  const customerManaged = new Map(
    resourcesOf(template, "AWS::IAM::ManagedPolicy").map(([id, policy]) => [
      String(resolve({ Ref: id })),
      toStatements(resolve(policy.Properties?.PolicyDocument), id),
    ]),
  );
  for (const [id, role] of resourcesOf(template, "AWS::IAM::Role")) {
    const statements: Statement[] = [];
    const unknownManagedPolicies: string[] = [];
    for (const policy of role.Properties?.Policies ?? [])
      statements.push(...toStatements(resolve(policy.PolicyDocument), String(resolve(policy.PolicyName))));
    for (const arn of (resolve(role.Properties?.ManagedPolicyArns ?? []) as string[]).map(String)) {
      const name = /^arn:aws:iam::aws:policy\/(.+)$/.exec(arn)?.[1];
      const known = name ? MANAGED[name] : undefined;
      const own = customerManaged.get(arn);
      if (known)
        statements.push(
          ...known.map(({ actions, resource }) => allow(actions, [resource], `AWS managed ${name}`)),
        );
      else if (own) statements.push(...own);
      else unknownManagedPolicies.push(arn);
    }
    roles.set(id, {
      logicalId: id,
      arn: String(resolve({ "Fn::GetAtt": [id, "Arn"] })),
      name: String(resolve({ Ref: id })),
      statements,
      unknownManagedPolicies,
    });
  }
  // Policies name their roles (CDK's DefaultPolicy); managed policies of the template may too.
  for (const type of ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"])
    for (const [id, policy] of resourcesOf(template, type)) {
      const statements = toStatements(resolve(policy.Properties?.PolicyDocument), id);
      for (const roleRef of policy.Properties?.Roles ?? []) {
        const role = roles.get(String(roleRef?.Ref));
        if (role && !role.statements.some((s) => s.policy === id)) role.statements.push(...statements);
      }
    }
  return roles;
}

/** An explicit Deny wins; otherwise some Allow must match. */
export function isAllowed(role: Role, action: string, resource: string) {
  const matching = role.statements.filter((s) => matchesStatement(s, action, resource));
  if (matching.some((s) => s.effect === "Deny")) return false;
  return matching.some((s) => s.effect === "Allow" && !s.conditional);
}

export function matchesStatement(statement: Statement, action: string, resource: string) {
  const actionMatches = statement.notActions
    ? !statement.notActions.some((p) => wildcard(p, action, true))
    : statement.actions.some((p) => wildcard(p, action, true));
  const resourceMatches = statement.notResources
    ? !statement.notResources.some((p) => wildcard(p, resource, false))
    : statement.resources.some((p) => wildcard(p, resource, false));
  return actionMatches && resourceMatches;
}

/** IAM's wildcards: `*` any run of characters, `?` exactly one. */
export function wildcard(pattern: string, value: string, ignoreCase: boolean) {
  const key = `${ignoreCase ? "i" : "s"}${pattern}`;
  let compiled = compiledPatterns.get(key);
  if (!compiled) {
    const source = pattern
      .split("")
      .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("");
    compiled = new RegExp(`^${source}$`, ignoreCase ? "i" : "");
    compiledPatterns.set(key, compiled);
  }
  return compiled.test(value);
}

// Every request is checked against every statement: compile each pattern once.
const compiledPatterns = new Map<string, RegExp>();

const list = (value: unknown): string[] | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map(String);

function toStatements(document: any, policy: string): Statement[] {
  const statements = document?.Statement === undefined ? [] : [document.Statement].flat();
  return statements.map((s: any) => ({
    effect: s.Effect === "Deny" ? "Deny" : "Allow",
    actions: list(s.Action) ?? [],
    notActions: list(s.NotAction),
    resources: list(s.Resource) ?? [],
    notResources: list(s.NotResource),
    conditional: s.Condition !== undefined,
    policy,
  }));
}

const allow = (actions: string[], resources: string[], policy: string): Statement => ({
  effect: "Allow",
  actions,
  resources,
  conditional: false,
  policy,
});
