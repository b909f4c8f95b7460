// The words people read for the codes the data holds: task statuses and priorities, roles, and
// the actions of the audit log, and dates (dates.ts). Pure, so activity summaries, the agent's
// context, digests, emails and the web app all say "In progress", never `in_progress`.

export * from "./dates";
export * from "./money";

export const STATUS_WORDS = {
  todo: "To do",
  in_progress: "In progress",
  blocked: "Blocked",
  done: "Done",
} as const;

export const PRIORITY_WORDS = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" } as const;

export const ROLE_WORDS = {
  admin: "Admin",
  team: "Team",
  consultant: "Consultant",
  client: "Client",
} as const;

const ACTION_WORDS: Record<string, string> = {
  "assignment.added": "Added to a project",
  "assignment.removed": "Removed from a project",
  "agent.asked": "Asked the admin assistant",
  "agent.thread_read": "Read someone's assistant conversation",
  "budgets.updated": "Changed the assistant budgets",
  "digest.requested": "Asked for the weekly digest now",
  "invite.accepted": "Accepted an invitation",
  "invite.created": "Sent an invitation",
  "invite.revoked": "Withdrew an invitation",
  "project.created": "Created a project",
  "project.updated": "Changed a project",
  "user.renamed": "Renamed someone",
  "user.role_changed": "Changed someone's role",
  "user.deactivated": "Deactivated someone",
  "user.reactivated": "Reactivated someone",
};

/** An audit or activity action in words; an action without words of its own reads as a sentence. */
export const actionWords = (action: string): string => {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const sentence = action.replace(/[._]/g, " ").trim();
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
};
