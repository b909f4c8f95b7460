// The least-privilege report: for each rehearsed function, the actions its role grants that no
// call of the rehearsal used (matched by action and resource, wildcards included). Log and trace
// writes (logs:*, xray:*) are the Lambda service's own and are listed apart, never as unused.
import type { Call, Principal } from "./guard";
import { wildcard } from "./iam";
import type { Template } from "./template";

export interface Unused {
  function: string;
  actions: string[];
  resources: string[];
}

const SERVICE_SIDE = /^(logs|xray):/i;

export function unusedGrants(principals: Principal[], used: Call[]): Unused[] {
  return principals.flatMap((principal) => {
    const calls = used.filter((c) => c.function === principal.name);
    return principal.role.statements
      .filter((s) => s.effect === "Allow" && !s.notActions && !s.notResources)
      .flatMap((statement) => {
        const actions = statement.actions.filter(
          (action) =>
            !SERVICE_SIDE.test(action) &&
            !calls.some(
              (c) =>
                wildcard(action, c.action, true) &&
                statement.resources.some((r) => wildcard(r, c.resource, false)),
            ),
        );
        return actions.length ? [{ function: principal.name, actions, resources: statement.resources }] : [];
      });
  });
}

/** Replaces physical names and the fake account's ARN prefixes with logical ids, for a report that reads the same on every run. */
export function labeller(template: Template, physical: (id: string) => string) {
  // Only generated names (they end with the logical id) and API ids: a stage name such as
  // "rehearsal" also appears inside other names.
  const pairs = Object.entries(template.Resources)
    .map(([id, r]) => [physical(id), id, r.Type] as const)
    .filter(
      ([name, id, type]) =>
        name.toLowerCase().endsWith(id.toLowerCase()) || type === "AWS::ApiGatewayV2::Api",
    )
    .map(([name, id]) => [name, id] as const)
    .sort((a, b) => b[0].length - a[0].length);
  return (value: string) => {
    let text = value.replace(/^arn:aws:[a-z0-9-]+:[a-z0-9-]*:\d*:/, "");
    for (const [name, id] of pairs) text = text.replaceAll(name, id);
    return text;
  };
}

/** The report as Markdown; `label` turns ARNs into the template's logical ids so it reads the same on every run. */
export function formatReport(
  principals: Principal[],
  used: Call[],
  label: (value: string) => string,
): string {
  const unused = unusedGrants(principals, used);
  const lines = ["| function | granted but never used | on |", "| --- | --- | --- |"];
  for (const principal of principals) {
    const mine = unused.filter((u) => u.function === principal.name);
    if (mine.length === 0) lines.push(`| ${principal.logicalId} | (none) | |`);
    for (const u of mine)
      lines.push(
        `| ${principal.logicalId} | ${u.actions.map((a) => `\`${a}\``).join(", ")} | ${u.resources.map((r) => `\`${label(r)}\``).join(", ")} |`,
      );
  }
  return lines.join("\n");
}
