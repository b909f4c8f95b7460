// Risks & Blockers of a workspace for its admins: the risks computed now (find.ts), the
// assistant's notes from the latest written report (explain.ts), and the report's refresh through
// the agent queue. The list never waits on, nor needs, the assistant.
import type { Actor } from "../actor";
import { enqueue } from "../agent/job";
import { Budget } from "../budget";
import { requireAdminOf } from "../budget/settings";
import { config } from "../config";
import { VisibleError } from "../error";
import { requireWrite } from "../policy";
import { epochSeconds, isAlive } from "../tables";
import { createId } from "../util";
import { REPORT_TTL_DAYS, RiskReportEntity } from "./entity";
import type { Note } from "./explain";
import { assess, isSpent, readFacts } from "./find";
import { type Entry, Events, type Queued, type Report, type Risk } from "./info";

export { Entry, Events, Queued, Ready, Report, Risk } from "./info";

/** A queued refresh older than this is taken as lost (its job dead-lettered): a new one may start. */
const REFRESH_PATIENCE_MS = 10 * 60_000;

/**
 * The workspace's risks now, each with the assistant's note from its latest written report, or a
 * plain sentence saying why there is none. Admins of that workspace only (any other id is a 404).
 */
export async function report(actor: Actor, workspaceId: string, now = new Date()): Promise<Report> {
  requireAdminOf(actor, workspaceId);
  const [facts, latest, written] = await Promise.all([
    readFacts(workspaceId, now),
    newest(workspaceId, now),
    newest(workspaceId, now, "written"),
  ]);
  const assistant = !config().ai.enabled ? "off" : isSpent(facts) ? "spent" : "on";
  const notes = (written?.notes ?? {}) as Record<string, Note>;
  const missing = MISSING[assistant] ?? (written ? AFTER_REPORT : NEVER_ASKED);
  const entry = (risk: Risk): Entry => {
    const note = notes[risk.id];
    return note
      ? { ...risk, explanation: note.text, explained: true, citations: note.citations }
      : { ...risk, explanation: missing, explained: false, citations: [] };
  };
  return {
    items: assess(facts, now).map(entry),
    explainedAt: written?.writtenAt ?? null,
    refreshing: Boolean(latest && latest.status === "queued" && isPending(latest, now)),
    assistant,
  };
}

const MISSING: Partial<Record<Report["assistant"], string>> = {
  off: "The assistant is switched off, so this risk comes without its explanation; the reason above is from the data.",
  spent:
    "The workspace's AI budget is spent, so the assistant has not explained this risk; the reason above is from the data.",
};
const NEVER_ASKED = "Not explained yet: choose Refresh to ask the assistant.";
const AFTER_REPORT = "The assistant's latest report has no note on this one: choose Refresh to ask again.";

/**
 * Queues a new report for the agent worker, announced as `agent.risks.ready` to the workspace's
 * admins. While one is being written, asking again returns that one rather than paying twice.
 */
export async function refresh(actor: Actor, workspaceId: string, now = new Date()): Promise<Queued> {
  const admin = requireAdminOf(actor, workspaceId);
  requireWrite(actor);
  if (!config().ai.enabled)
    throw new VisibleError("agent.disabled", "The assistant is switched off for now.", 503);
  await Budget.ensureAvailable(admin, now);
  const latest = await newest(workspaceId, now);
  if (latest?.status === "queued" && isPending(latest, now)) return { reportId: latest.reportId };
  const reportId = createId();
  await RiskReportEntity()
    .create({ workspaceId, reportId, status: "queued", createdAt: now.toISOString(), expiresAt: expiry(now) })
    .go();
  await enqueue({ type: "risks.report", workspaceId, reportId });
  return { reportId };
}

type Stored = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof RiskReportEntity>["get"]>["go"]>>["data"]
>;

/** The workspace's newest live report (of one status), from one Query, newest first. */
async function newest(
  workspaceId: string,
  now: Date,
  status?: Stored["status"],
): Promise<Stored | undefined> {
  const query = RiskReportEntity().query.primary({ workspaceId });
  const { data } = await (status ? query.where((a, { eq }) => eq(a.status, status)) : query).go({
    order: "desc",
    count: 1,
  });
  const found = data[0];
  return found && isAlive(found, now) ? found : undefined;
}

const isPending = (report: Stored, now: Date) =>
  now.getTime() - Date.parse(report.createdAt) < REFRESH_PATIENCE_MS;
/** When a report written or queued at `now` expires (its TTL). */
export const expiry = (now: Date) => epochSeconds(now) + REPORT_TTL_DAYS * 86_400;
