// The scoped context of one question: only what the asker may see (policy decides), chosen
// within a token budget — tasks by priority (blocked, overdue, mentions, recent changes) then
// newest first, whole items only — with contact details masked unless the role permits.
import type { Actor } from "../actor";
import { maySeeContactDetails, workspaceOf } from "../policy";
import { Project } from "../project";
import { ProjectEntity } from "../project/entity";
import { Task } from "../task";
import { UserEntity } from "../user/entity";

export interface ContextTask extends Task.Info {
  projectName: string;
  assigneeName: string | null;
}

export interface AgentContext {
  asker: { id: string; name: string };
  projects: { id: string; name: string }[];
  tasks: ContextTask[];
  /** Ids of every item included, recorded on the run as context_used. */
  used: string[];
  today: string;
}

export interface Budget {
  totalTokens: number;
  /** Shares of the budget: messages / tasks / files+meta (DESIGN §7: 50/30/20). */
  shares: { messages: number; tasks: number; meta: number };
  /** Kept free for the system prompt and formatting. */
  reserve: number;
}

export const DEFAULT_BUDGET: Budget = {
  totalTokens: 8000,
  shares: { messages: 0.5, tasks: 0.3, meta: 0.2 },
  reserve: 0.1,
};

/** A rough token count: about four characters a token for English text. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;
export const maskContacts = (text: string) =>
  text.replace(EMAIL, "[email hidden]").replace(PHONE, "[phone hidden]");

/**
 * Builds the context for `reader` over one project (participant agent, digests) or the whole
 * workspace (admin agent, rollups; projectId null). The reader is the person who asked, or
 * the system for digests, so the same policy that guards the HTTP API decides what it reads.
 */
export async function build(
  reader: Actor,
  projectId: string | null,
  options: { budget?: Budget; maskContacts?: boolean } = {},
): Promise<AgentContext> {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const workspaceId = workspaceOf(reader);
  const readerId = reader.type === "user" ? reader.userId : "system";
  const projects = projectId
    ? [await Project.get(reader, projectId)]
    : (await ProjectEntity().query.primary({ workspaceId }).go({ pages: "all" })).data.map(Project.toInfo);
  const [people, taskPages] = await Promise.all([
    UserEntity().query.primary({ workspaceId }).go({ pages: "all" }),
    Promise.all(projects.map((p) => Task.list(reader, p.id, { limit: 200 }))),
  ]);
  const names = new Map(people.data.map((u) => [u.userId, u.name]));
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  const mask = options.maskContacts || !maySeeContactDetails(reader) ? maskContacts : (t: string) => t;
  const today = new Date().toISOString().slice(0, 10);

  const candidates = taskPages
    .flatMap((page) => page.items)
    .map((t) => ({
      ...t,
      title: mask(t.title),
      description: mask(t.description),
      projectName: projectNames.get(t.projectId) ?? "",
      assigneeName: t.assigneeId ? (names.get(t.assigneeId) ?? null) : null,
    }));
  const tasks = chooseWithinBudget(
    candidates,
    budget.totalTokens * (1 - budget.reserve) * budget.shares.tasks,
    (t) => priority(t, readerId, today),
  );
  return {
    asker: { id: readerId, name: names.get(readerId) ?? "the team" },
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    tasks,
    used: [...projects.map((p) => `project:${p.id}`), ...tasks.map((t) => `task:${t.id}`)],
    today,
  };
}

/** Higher first: blocked and overdue work, then what mentions the asker, then recent changes. */
function priority(task: ContextTask, askerId: string, today: string): number {
  let score = 0;
  if (task.status === "blocked") score += 4;
  if (task.dueDate && task.dueDate < today && task.status !== "done") score += 3;
  if (task.mentions.includes(askerId) || task.assigneeId === askerId) score += 2;
  if (task.updatedAt.slice(0, 10) === today) score += 1;
  return score;
}

/** Keeps whole items, best first then newest, until the budget is spent; never cuts one. */
export function chooseWithinBudget<T extends { updatedAt: string; title: string; description: string }>(
  items: T[],
  tokens: number,
  score: (item: T) => number,
): T[] {
  const ranked = [...items].sort((a, b) => score(b) - score(a) || b.updatedAt.localeCompare(a.updatedAt));
  const chosen: T[] = [];
  let spent = 0;
  for (const item of ranked) {
    const cost = estimateTokens(`${item.title} ${item.description}`) + 12;
    if (spent + cost > tokens) continue;
    spent += cost;
    chosen.push(item);
  }
  return chosen;
}
