// What a day's site log looks like outside the table, and what staff send to write one: the one
// schema of validation, OpenAPI, events and the typed client.
import type { EntityItem } from "electrodb";
import * as z from "zod";
import { PageInput } from "../db";
import { File } from "../file";
import { Id } from "../util";
import { DelayCauses, type SiteLogEntity } from "./entity";

export const DelayCause = z.enum(DelayCauses);

export const Info = z
  .object({
    id: z.string(),
    projectId: z.string(),
    /** YYYY-MM-DD: the day on site. */
    date: z.string(),
    weather: z.string(),
    crew: z.array(z.string()),
    workDone: z.string(),
    delays: z.string(),
    delayCause: DelayCause.nullable(),
    /** Image files of the project shown with the log: only those the reader may see. */
    photos: z.array(File.Attachment),
    /** False: internal, seen only by admins, team and consultants. */
    clientVisible: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedBy: z.string(),
    updatedByName: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "SiteLog" });
export type Info = z.infer<typeof Info>;

export const MAX_PHOTOS = 20;

/** The day's fields; on a second write for the same day only those given change. */
export const WriteInput = z
  .object({
    weather: z.string().trim().max(200),
    /** Names of the people on site (one per entry). */
    crew: z.array(z.string().trim().min(1).max(100)).max(50),
    workDone: z.string().trim().max(10_000),
    /** What held work up, and why. */
    delays: z.string().trim().max(5_000),
    delayCause: DelayCause.nullable(),
    /** Ids of uploaded image files of the project. */
    photos: z.array(Id).max(MAX_PHOTOS),
    /** Unset: the project's default for a new log, the log's own for an edit. */
    clientVisible: z.boolean(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Give at least one field of the day's log.")
  .meta({ id: "SiteLogInput" });

export const DateParam = z.iso.date();
export const ListInput = PageInput;

export type Item = EntityItem<ReturnType<typeof SiteLogEntity>>;

export const subjectOf = (item: Pick<Item, "createdBy" | "clientVisible">) => ({
  createdBy: item.createdBy,
  clientVisible: item.clientVisible,
});

export const toInfo = (item: Item, photos: File.Attachment[]): Info => ({
  id: item.siteLogId,
  projectId: item.projectId,
  date: item.date,
  weather: item.weather ?? "",
  crew: item.crew ?? [],
  workDone: item.workDone ?? "",
  delays: item.delays ?? "",
  delayCause: item.delayCause ?? null,
  photos,
  clientVisible: item.clientVisible,
  createdBy: item.createdBy,
  createdAt: item.createdAt,
  updatedBy: item.updatedBy,
  updatedByName: item.updatedByName,
  updatedAt: item.updatedAt,
});
