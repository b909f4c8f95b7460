// What Risks & Blockers look like outside the table: one schema for the API, the event and the SPA.
import * as z from "zod";
import { event } from "../event";

export const RiskKinds = ["blocked", "overdue", "project", "budget"] as const;

/** One risk as computed from the data, before the assistant's word on it. */
export const Risk = z.object({
  /** `task:ID`, `project:ID` or `budget:<which budget>`: what the assistant's explanation cites. */
  id: z.string(),
  kind: z.enum(RiskKinds),
  taskId: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  /** The task's title, the project's name, or the budget's. */
  title: z.string(),
  /** Why it is listed, in plain words: "Blocked for 6 days", "No activity for 9 days". */
  reason: z.string(),
  dueDate: z.string().nullable(),
  /** A blocked task: since when; a project: its last activity. */
  since: z.string().nullable(),
});
export type Risk = z.infer<typeof Risk>;

export const Entry = Risk.extend({
  /** The assistant's explanation, or a plain sentence saying why there is none. */
  explanation: z.string(),
  explained: z.boolean(),
  /** Items the explanation cites (`task:ID`, `message:ID`). */
  citations: z.array(z.string()),
}).meta({ id: "Risk" });
export type Entry = z.infer<typeof Entry>;

export const Report = z
  .object({
    items: z.array(Entry),
    /** When the assistant wrote the explanations shown; null: never yet. */
    explainedAt: z.string().nullable(),
    /** A refresh is queued and not written yet. */
    refreshing: z.boolean(),
    /** `off`: AI_ENABLED is false; `spent`: the workspace's AI budget is spent. */
    assistant: z.enum(["on", "off", "spent"]),
  })
  .meta({ id: "RiskReport" });
export type Report = z.infer<typeof Report>;

export const Queued = z.object({ reportId: z.string() }).meta({ id: "QueuedRiskReport" });
export type Queued = z.infer<typeof Queued>;

export const Ready = z
  .object({ reportId: z.string(), createdAt: z.string() })
  .meta({ id: "RiskReportReady" });

export const Events = { Ready: event("agent.risks.ready", Ready) };
