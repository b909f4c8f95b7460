// Warm sandboxes for a quiet tenant's working day: provisioned concurrency, scheduled. A
// renovation firm's workspace is quiet most of the day, so most first requests after a pause
// would meet a cold start; during its working hours `sandboxes` of the HTTP function are kept
// initialized (the import and functions/api/warm-up.ts done ahead), and outside them none, so
// nights and weekends cost nothing. A sign-in asks for 4 requests at once (RUNBOOK §1), then
// opens its socket ($connect) and subscribes ($default): the WebSocket API's two functions a
// person waits on keep REALTIME_WARM_SANDBOXES each through the same hours, so the page is
// live without two more cold starts in a row. Each API invokes a function through its `live`
// alias, which carries the provisioned concurrency; requests beyond it start on demand as before.
import { TimeZone } from "aws-cdk-lib";
import * as appscaling from "aws-cdk-lib/aws-applicationautoscaling";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";

export interface WarmHours {
  /** Provisioned sandboxes through the working hours (1–20). */
  sandboxes: number;
  /** `<days> <from>-<to> <time zone>`, as `MON-FRI 07-19 Europe/London`: whole hours, 0–23. */
  hours?: string;
}

/** The deploying shell's warm hours (WARM_SANDBOXES, WARM_HOURS): sst.config.ts and `npm run rehearse` read them alike. */
export const warmHoursOf = (env: Record<string, string | undefined>): WarmHours | undefined =>
  env.WARM_SANDBOXES ? { sandboxes: Number(env.WARM_SANDBOXES), hours: env.WARM_HOURS } : undefined;

const DEFAULT_WARM_HOURS = "MON-FRI 07-19 UTC";
/** One socket per open page, and one subscription at a sign-in: a sandbox each holds them. */
export const REALTIME_WARM_SANDBOXES = 1;
const MAX_WARM_SANDBOXES = 20;
const DAYS = /^(?:[A-Z]{3}(?:-[A-Z]{3})?)(?:,[A-Z]{3}(?:-[A-Z]{3})?)*$/;
const WEEKDAYS = new Set(["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]);

/** The working hours a stage keeps warm, checked at synth so a typo fails the deploy, not the schedule. */
function parseWarmHours(text: string) {
  const [days = "", span = "", zone = "", ...rest] = text.trim().split(/\s+/);
  const [from, to] = span.split("-").map((hour) => (/^\d{1,2}$/.test(hour) ? Number(hour) : Number.NaN));
  const problem = (why: string) =>
    new Error(`WARM_HOURS "${text}": ${why}; expected e.g. "${DEFAULT_WARM_HOURS}"`);
  if (rest.length > 0 || !zone) throw problem("three parts: days, hours, time zone");
  if (!DAYS.test(days) || days.split(/[-,]/).some((day) => !WEEKDAYS.has(day)))
    throw problem("days are MON..SUN, ranges (MON-FRI) or lists (MON,WED)");
  if (from === undefined || to === undefined || !(from >= 0 && to <= 23 && from < to))
    throw problem("hours are from-to, whole hours with 0 <= from < to <= 23");
  if (!Intl.supportedValuesOf("timeZone").includes(zone) && zone !== "UTC")
    throw problem(`unknown time zone ${zone}`);
  return { days, from, to, zone };
}

export class Warm extends Construct {
  /** What the API integrates with: the function's `live` alias. */
  readonly target: lambda.Alias;

  constructor(scope: Construct, id: string, props: { fn: lambda.Function } & WarmHours) {
    super(scope, id);
    const { sandboxes } = props;
    if (!Number.isInteger(sandboxes) || sandboxes < 1 || sandboxes > MAX_WARM_SANDBOXES)
      throw new Error(
        `WARM_SANDBOXES must be a whole number from 1 to ${MAX_WARM_SANDBOXES}, got ${sandboxes}`,
      );
    const { days, from, to, zone } = parseWarmHours(props.hours ?? DEFAULT_WARM_HOURS);
    this.target = new lambda.Alias(this, "Live", { aliasName: "live", version: props.fn.currentVersion });
    const scaling = this.target.addAutoScaling({ minCapacity: 0, maxCapacity: sandboxes });
    const timeZone = TimeZone.of(zone);
    const at = (hour: number) => appscaling.Schedule.cron({ minute: "0", hour: String(hour), weekDay: days });
    scaling.scaleOnSchedule("WorkdayStarts", {
      schedule: at(from),
      minCapacity: sandboxes,
      maxCapacity: sandboxes,
      timeZone,
    });
    scaling.scaleOnSchedule("WorkdayEnds", { schedule: at(to), minCapacity: 0, maxCapacity: 0, timeZone });
  }
}
