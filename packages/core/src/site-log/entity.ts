// Access patterns: get a project's log of one day; list a project's logs newest day first. The
// day is the sort key, so there is one log per project per day and a create is conditional.
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const DelayCauses = ["weather", "materials", "inspection", "client", "crew", "other"] as const;

export const SiteLogEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "site_log", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          projectId: { type: "string", required: true },
          /** YYYY-MM-DD, the day on site the log tells of. */
          date: { type: "string", required: true },
          /** Stable across edits: what citations and activity lines name. */
          siteLogId: { type: "string", required: true },
          weather: { type: "string", default: "" },
          crew: { type: "list", items: { type: "string" }, default: [] },
          workDone: { type: "string", default: "" },
          delays: { type: "string", default: "" },
          delayCause: { type: DelayCauses },
          /** Ids of image files of the same project (read afresh each time). */
          photos: { type: "list", items: { type: "string" }, default: [] },
          /** False: internal, never read by clients (the feed's visibility filter). */
          clientVisible: { type: "boolean", required: true },
          createdBy: { type: "string", required: true },
          createdAt: { type: "string", required: true },
          updatedBy: { type: "string", required: true },
          /** The last writer's name when they wrote: the timeline reads without a user lookup. */
          updatedByName: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "projectId"] },
            sk: { field: "sk", composite: ["date"] },
          },
        },
      },
      dataTable(),
    ),
);
