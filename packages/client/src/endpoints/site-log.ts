// A project's daily site log: the days newest first (clients: the shared ones), one day, and
// staff writing a day's log (a second write for the same day edits it).
import type { SiteLog } from "@rehome/core/site-log";
import type * as z from "zod";
import { type Request, seg } from "../http";
import type { Page, PageQuery, SiteLogInfo } from "../types";

const days = (projectId: string) => `/api/projects/${seg(projectId)}/site-log`;

export const siteLog = (request: Request) => ({
  siteLog: {
    list: (projectId: string, query?: PageQuery) =>
      request<Page<SiteLogInfo>>("GET", days(projectId), undefined, query),
    get: (projectId: string, date: string) => request<SiteLogInfo>("GET", `${days(projectId)}/${seg(date)}`),
    /** Creates the day's log or edits the fields given (staff). */
    write: (projectId: string, date: string, input: z.input<typeof SiteLog.WriteInput>) =>
      request<SiteLogInfo>("PUT", `${days(projectId)}/${seg(date)}`, input),
  },
});
