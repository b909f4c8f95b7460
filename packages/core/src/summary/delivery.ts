// Digest emails: a stored summary goes, once, to the people who opted in and may read it — a
// project digest to the project's members whose role on it is the digest's audience (staff or
// clients), a weekly rollup to admins. It never decides what a summary says.
import type { Role } from "../actor";
import { Mail } from "../mail";
import { Project } from "../project";
import { UserEntity } from "../user/entity";
import { nowIso } from "../util";
import { SummaryEntity } from "./entity";

export interface Stored {
  workspaceId: string;
  scope: string;
  summaryId: string;
  title: string;
  content: string;
  cachedFrom?: string;
  emailedAt?: string;
}

/**
 * Emails the summary unless that was done already. A job retried after some sends repeats the
 * same per-person idempotency keys, so nobody gets it twice; the mark then skips the whole round.
 */
export async function emailDigest(
  summary: Stored,
  projectId: string | null,
  audience: (projectRole: Role) => boolean,
): Promise<void> {
  if (summary.emailedAt) return;
  const { title, content, cachedFrom } = summary;
  for (const person of await recipients(summary.workspaceId, projectId, audience)) {
    await Mail.send(Mail.digestEmail({ to: person.email, title, content, projectId, cachedFrom }), {
      idempotencyKey: `digest/${summary.summaryId}/${person.userId}`,
    });
  }
  const { workspaceId, scope, summaryId } = summary;
  await SummaryEntity().patch({ workspaceId, scope, summaryId }).set({ emailedAt: nowIso() }).go();
}

/** Active people who opted in: the project's members of the audience, or the admins for the weekly rollup. */
async function recipients(workspaceId: string, projectId: string | null, audience: (role: Role) => boolean) {
  const [{ data: optedIn }, members] = await Promise.all([
    UserEntity()
      .query.primary({ workspaceId })
      .where(({ digestEmails, status }, { eq }) => `${eq(digestEmails, true)} AND ${eq(status, "active")}`)
      .go({ pages: "all", attributes: ["userId", "email", "role"] }),
    projectId ? Project.membersOf(workspaceId, projectId) : undefined,
  ]);
  const readers = members && new Set(members.filter((m) => audience(m.projectRole)).map((m) => m.id));
  return optedIn.filter((person) => (readers ? readers.has(person.userId) : person.role === "admin"));
}
