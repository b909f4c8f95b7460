// EventBridge schedules for the digests: daily at 07:00 UTC, weekly on Mondays at 07:00 UTC.
// The target fans out one queue job per project or workspace.
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";

export class Schedule extends Construct {
  constructor(scope: Construct, id: string, props: { target: lambda.Function }) {
    super(scope, id);
    const rules = [
      { name: "Daily", kind: "daily", schedule: events.Schedule.cron({ minute: "0", hour: "7" }) },
      {
        name: "Weekly",
        kind: "weekly",
        schedule: events.Schedule.cron({ minute: "0", hour: "7", weekDay: "MON" }),
      },
    ];
    for (const rule of rules) {
      new events.Rule(this, rule.name, {
        schedule: rule.schedule,
        targets: [
          new targets.LambdaFunction(props.target, {
            event: events.RuleTargetInput.fromObject({
              source: "rehome.schedule",
              "detail-type": "digest",
              detail: { kind: rule.kind },
            }),
          }),
        ],
      });
    }
  }
}
