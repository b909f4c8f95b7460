// The template's schedules (EventBridge rules with a ScheduleExpression, EventBridge Scheduler
// schedules) firing their function targets at the times their `cron(…)` or `rate(…)` expressions
// name, in UTC, with the target's constant Input or EventBridge's scheduled event. `fire(id)` runs
// one now, for tests and for trying a digest without waiting for 07:00.
import { randomUUID } from "node:crypto";
import { ACCOUNT, REGION } from "../account";
import type { FunctionHost } from "./lambda/host";
import type { MayInvoke } from "./permissions";
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

export interface Schedule {
  logicalId: string;
  expression: string;
  functionName: string;
}

export interface ScheduleOptions {
  functionOf(nameOrArn: string): FunctionHost | undefined;
  mayInvoke: MayInvoke;
  onRefused(functionName: string, sourceArn: string): void;
  onError(functionName: string, error: unknown): void;
}

interface Target {
  schedule: Schedule;
  host: FunctionHost;
  sourceArn: string;
  /** Rules need a resource policy letting events.amazonaws.com invoke; Scheduler uses a role instead. */
  needsPermission: boolean;
  event(): unknown;
}

export function startSchedules(template: Template, resolve: Resolve, options: ScheduleOptions) {
  const targets = [
    ...ruleTargets(template, resolve, options),
    ...schedulerTargets(template, resolve, options),
  ];
  const timers = new Map<Target, NodeJS.Timeout>();

  const fireTarget = async (target: Target) => {
    const { host, sourceArn } = target;
    if (target.needsPermission && !options.mayInvoke(host.spec.arn, "events.amazonaws.com", sourceArn)) {
      options.onRefused(host.spec.name, sourceArn);
      return undefined;
    }
    return host.invoke(target.event());
  };
  const arm = (target: Target, due = nextFire(target.schedule.expression, new Date()).getTime()) => {
    // setTimeout holds at most ~24.8 days: a fire further off waits in several steps.
    const timer = setTimeout(
      () => {
        if (Date.now() < due) return arm(target, due);
        void fireTarget(target).catch((error) => options.onError(target.host.spec.name, error));
        arm(target);
      },
      Math.min(due - Date.now(), 2 ** 31 - 1),
    );
    timer.unref();
    timers.set(target, timer);
  };
  for (const target of targets) arm(target);

  return {
    schedules: targets.map((t) => t.schedule),
    /** Fires every target of one rule or schedule now; resolves with their results. */
    fire: (logicalId: string) =>
      Promise.all(targets.filter((t) => t.schedule.logicalId === logicalId).map(fireTarget)),
    stop: async () => {
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}

function ruleTargets(template: Template, resolve: Resolve, options: ScheduleOptions): Target[] {
  return resourcesOf(template, "AWS::Events::Rule").flatMap(([id, rule]) => {
    const p = resolve(rule.Properties ?? {}) as Record<string, any>;
    if (!p.ScheduleExpression || p.State === "DISABLED") return [];
    const sourceArn = String(resolve({ "Fn::GetAtt": [id, "Arn"] }));
    return (p.Targets ?? []).map((t: Record<string, any>) => {
      if (t.InputPath || t.InputTransformer) throw new Error(`rule ${id}: only constant Input is rehearsed`);
      return target(id, String(p.ScheduleExpression), String(t.Arn), options, {
        sourceArn,
        needsPermission: true,
        input: t.Input,
      });
    });
  });
}

function schedulerTargets(template: Template, resolve: Resolve, options: ScheduleOptions): Target[] {
  return resourcesOf(template, "AWS::Scheduler::Schedule").flatMap(([id, schedule]) => {
    const p = resolve(schedule.Properties ?? {}) as Record<string, any>;
    if (p.State === "DISABLED") return [];
    if (p.ScheduleExpressionTimezone && p.ScheduleExpressionTimezone !== "UTC")
      throw new Error(`schedule ${id}: only UTC schedules are rehearsed`);
    return [
      target(id, String(p.ScheduleExpression), String(p.Target?.Arn), options, {
        sourceArn: String(resolve({ "Fn::GetAtt": [id, "Arn"] })),
        needsPermission: false,
        input: p.Target?.Input,
      }),
    ];
  });
}

function target(
  logicalId: string,
  expression: string,
  functionArn: string,
  options: ScheduleOptions,
  how: { sourceArn: string; needsPermission: boolean; input: unknown },
): Target {
  const host = options.functionOf(functionArn);
  if (!host) throw new Error(`schedule ${logicalId}: its target ${functionArn} is not a rehearsed function`);
  nextFire(expression, new Date()); // fails now, at start, on an expression it cannot run
  return {
    schedule: { logicalId, expression, functionName: host.spec.name },
    host,
    sourceArn: how.sourceArn,
    needsPermission: how.needsPermission,
    event: () =>
      typeof how.input === "string"
        ? JSON.parse(how.input)
        : {
            version: "0",
            id: randomUUID(),
            "detail-type": "Scheduled Event",
            source: "aws.events",
            account: ACCOUNT,
            time: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
            region: REGION,
            resources: [how.sourceArn],
            detail: {},
          },
  };
}

const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** The first time after `after` that a `rate(…)` or `cron(…)` expression names (UTC, minute precision). */
export function nextFire(expression: string, after: Date): Date {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate) return new Date(after.getTime() + Number(rate[1]) * (UNITS[rate[2] ?? ""] ?? 0));
  const fields = /^cron\((.+)\)$/.exec(expression)?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) throw new Error(`schedule expression ${expression} is not rehearsed`);
  const [minutes, hours, days, months, weekdays, years] = [
    field(fields[0], 0, 59),
    field(fields[1], 0, 23),
    field(fields[2], 1, 31),
    field(fields[3], 1, 12, MONTHS, 1),
    field(fields[4], 1, 7, DAYS, 1),
    field(fields[5], 1970, 2199),
  ];
  const at = new Date(after);
  at.setUTCSeconds(0, 0);
  for (let i = 0; i < 60 * 24 * 366 * 2; i++) {
    at.setUTCMinutes(at.getUTCMinutes() + 1);
    if (
      minutes(at.getUTCMinutes()) &&
      hours(at.getUTCHours()) &&
      days(at.getUTCDate()) &&
      months(at.getUTCMonth() + 1) &&
      weekdays(at.getUTCDay() + 1) &&
      years(at.getUTCFullYear())
    )
      return new Date(at);
  }
  throw new Error(`schedule expression ${expression} never fires in the next two years`);
}

/** One cron field as a predicate: `*`, `?`, lists, ranges, steps and names; `L`, `W` and `#` are not rehearsed. */
function field(text = "*", min: number, max: number, names: string[] = [], base = 0) {
  if (/[LW#]/.test(text.replace(/[A-Z]{3}/g, ""))) throw new Error(`cron field ${text} is not rehearsed`);
  const value = (token: string) => {
    const named = names.indexOf(token.toUpperCase());
    return named >= 0 ? named + base : Number(token);
  };
  const allowed = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "*", step = "1"] = part.split("/");
    const [from, to] =
      range === "*" || range === "?"
        ? [min, max]
        : range.includes("-")
          ? range.split("-").map(value)
          : [value(range), step === "1" && !part.includes("/") ? value(range) : max];
    for (let n = from ?? min; n <= (to ?? max); n += Number(step)) allowed.add(n);
  }
  return (n: number) => allowed.has(n);
}
