// A project's calendar feed: a secret .ics link staff share and revoke (the feed itself is read
// by calendar apps, not through this client).
import type { Calendar } from "@rehome/core/calendar";
import type * as z from "zod";
import { type Request, seg } from "../http";

const calendarOf = (projectId: string) => `/api/projects/${seg(projectId)}/calendar`;

export const calendar = (request: Request) => ({
  calendar: {
    /** A new secret link; the project's earlier link stops working. Admins and team. */
    share: (projectId: string, input: z.input<typeof Calendar.ShareInput> = {}) =>
      request<{ url: string }>("POST", calendarOf(projectId), input),
    /** The project's link answers 404 from now on. */
    revoke: (projectId: string) => request<void>("DELETE", calendarOf(projectId)),
  },
});
