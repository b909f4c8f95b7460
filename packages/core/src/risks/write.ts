// Writes a risk report in the agent worker: the risks now, with the assistant's note on each from
// one question over the workspace's context. It calls the models (summary/compose.ts), so only the
// agent worker imports it; the API reads and refreshes reports through risks.ts.
import { build } from "../agent/context";
import { config } from "../config";
import { compose } from "../summary/compose";
import { toAdmins } from "../summary/write";
import { nowIso } from "../util";
import { RiskReportEntity } from "./entity";
import { type Note, notesOf, question } from "./explain";
import { assess, isSpent, readFacts } from "./find";
import { Events } from "./info";
import { expiry } from "./risks";

/**
 * Writes a report (agent worker): the risks now, explained by the assistant in one question over
 * the workspace's context, unless it is switched off or the budget is spent (then no notes). A
 * redelivered job finds its report written and does nothing; of two racing, one write wins.
 */
export async function writeReport(workspaceId: string, reportId: string): Promise<void> {
  const key = { workspaceId, reportId };
  const { data: existing } = await RiskReportEntity().get(key).go();
  if (existing?.status === "written") return;
  const now = new Date();
  const facts = await readFacts(workspaceId, now);
  const risks = assess(facts, now);
  let notes: Record<string, Note> = {};
  if (risks.length > 0 && config().ai.enabled && !isSpent(facts)) {
    const context = await build({ type: "system", workspaceId }, null);
    notes = notesOf(await compose(workspaceId, reportId, [question(risks)], context), risks, context);
  }
  const writtenAt = nowIso();
  const stored = await RiskReportEntity()
    .put({
      ...key,
      status: "written",
      notes,
      createdAt: existing?.createdAt ?? writtenAt,
      writtenAt,
      expiresAt: expiry(now),
    })
    .where(({ status }, { eq, notExists }) => `${notExists(status)} OR ${eq(status, "queued")}`)
    .go()
    .then(
      () => true,
      () => false,
    );
  if (stored) await toAdmins(workspaceId, Events.Ready, { reportId, createdAt: writtenAt });
}
