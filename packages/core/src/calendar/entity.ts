// Access patterns: get a feed by its id (the public .ics request); list a project's feeds (gsi1),
// to revoke them. Only the SHA-256 of a feed's secret is stored.
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const CalendarFeedEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "calendarFeed", version: "1", service },
        attributes: {
          feedId: { type: "string", required: true },
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          /** SHA-256 of the secret half; the secret is only ever in the URL given to its creator. */
          secretHash: { type: "string", required: true },
          /** Staff chose to include internal tasks; the default feed shows client-visible ones only. */
          includeInternal: { type: "boolean", required: true },
          createdBy: { type: "string", required: true },
          createdAt: { type: "string", required: true },
          revokedAt: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["feedId"] },
            sk: { field: "sk", composite: [] },
          },
          byProject: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "gsi1sk", composite: ["feedId"] },
          },
        },
      },
      dataTable(),
    ),
);
