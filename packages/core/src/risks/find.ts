// The deterministic half of Risks & Blockers: blocked and overdue tasks, projects at risk and the
// AI budget near its limit, each with its reason in plain words computed from the data. Reads one
// workspace only and never Scans: one Query of its projects, then two per active project (its
// open tasks, its newest activity) in parallel, and one batch read of the budget counters.
import { ActivityEntity } from "../activity/entity";
import { Budget } from "../budget";
import { isLimited, type Kind, scopesOf, spentIn } from "../budget/scopes";
import { config } from "../config";
import { ProjectEntity } from "../project/entity";
import { Task } from "../task";
import { TaskEntity } from "../task/entity";
import type { Item as TaskItem } from "../task/info";
import type { Risk } from "./info";

/** Newest activity entries read per project: the last activity, and when blocked tasks were moved. */
const ACTIVITY_PAGE = 100;
const DAY_MS = 86_400_000;

/** What one project holds that the risks are computed from. */
export interface ProjectFacts {
  projectId: string;
  name: string;
  createdAt: string;
  openTasks: Task.Info[];
  /** Newest first; `task.moved` entries whose summary starts "Moved " changed a task's status. */
  activity: { action: string; subjectId: string; summary: string; createdAt: string }[];
}

export interface BudgetFacts {
  kind: Kind;
  limitCents: number;
  spentCents: number;
}

export interface Facts {
  projects: ProjectFacts[];
  budgets: BudgetFacts[];
}

/** What the risks of a workspace are computed from, read now. */
export async function readFacts(workspaceId: string, now = new Date()): Promise<Facts> {
  const [projects, budgets] = await Promise.all([readProjects(workspaceId), readBudgets(workspaceId, now)]);
  return { projects, budgets };
}

/** Whether one of the workspace's budgets is spent: the assistant then explains nothing new. */
export const isSpent = ({ budgets }: Facts) => budgets.some((b) => b.spentCents >= b.limitCents);

/** Pure: the risks of these facts at `now` (thresholds from config), blocked first, then overdue, projects, budget. */
export function assess({ projects, budgets }: Facts, now: Date, thresholds = config().risks): Risk[] {
  const today = now.toISOString().slice(0, 10);
  const tasks = projects.flatMap((p) => p.openTasks.flatMap((t) => taskRisk(p, t, now, today) ?? []));
  return [
    ...byOldest(tasks.filter((r) => r.kind === "blocked")),
    ...byOldest(tasks.filter((r) => r.kind === "overdue")),
    ...projects.flatMap((p) => projectRisk(p, now, today, thresholds) ?? []),
    ...budgetRisks(budgets),
  ];
}

/** A blocked task (late or not), or a late one; none for a task on track. */
function taskRisk(project: ProjectFacts, task: Task.Info, now: Date, today: string): Risk | undefined {
  const lateBy = task.dueDate && task.dueDate < today ? daysBetween(task.dueDate, today) : 0;
  const risk = {
    id: `task:${task.id}`,
    taskId: task.id,
    projectId: project.projectId,
    projectName: project.name,
    title: task.title,
    dueDate: task.dueDate,
  };
  if (task.status === "blocked") {
    const since = blockedSince(task, project.activity);
    const held = daysSince(since, now);
    const reason = `${held < 1 ? "Blocked since today" : `Blocked for ${days(held)}`}${lateBy ? `; overdue by ${days(lateBy)}` : ""}`;
    return { ...risk, kind: "blocked", reason, since };
  }
  return lateBy ? { ...risk, kind: "overdue", reason: `Overdue by ${days(lateBy)}`, since: null } : undefined;
}

/** A project with many late tasks, or open work and no activity for days (both reasons when both). */
function projectRisk(
  project: ProjectFacts,
  now: Date,
  today: string,
  { overdueTasks, quietDays }: { overdueTasks: number; quietDays: number },
): Risk | undefined {
  const reasons: string[] = [];
  const lateDates = project.openTasks
    .flatMap((t) => (t.dueDate && t.dueDate < today ? [t.dueDate] : []))
    .sort();
  if (lateDates[0] && lateDates.length >= overdueTasks)
    reasons.push(
      `${lateDates.length} tasks overdue, the oldest by ${days(daysBetween(lateDates[0], today))}`,
    );
  const lastActivity = project.activity[0]?.createdAt ?? project.createdAt;
  const quiet = daysSince(lastActivity, now);
  if (project.openTasks.length > 0 && quiet >= quietDays)
    reasons.push(`No activity for ${days(quiet)}, with ${count(project.openTasks.length, "task")} open`);
  if (reasons.length === 0) return undefined;
  return {
    id: `project:${project.projectId}`,
    kind: "project",
    taskId: null,
    projectId: project.projectId,
    projectName: project.name,
    title: project.name,
    reason: reasons.join("; "),
    dueDate: null,
    since: lastActivity,
  };
}

const BUDGET_NAMES: Record<Kind, string> = {
  userDaily: "a person's budget for today",
  workspaceDaily: "today's AI budget",
  workspaceMonthly: "this month's AI budget",
};

/** A workspace budget at or past Budget.WARN_AT of its limit (unlimited budgets never are). */
function budgetRisks(budgets: BudgetFacts[]): Risk[] {
  return budgets
    .filter((b) => b.limitCents > 0 && b.spentCents >= Budget.WARN_AT * b.limitCents)
    .map((b) => {
      const share = Math.round((100 * b.spentCents) / b.limitCents);
      const name = BUDGET_NAMES[b.kind];
      return {
        id: `budget:${b.kind}`,
        kind: "budget" as const,
        taskId: null,
        projectId: null,
        projectName: null,
        title: name.replace(/^./, (c) => c.toUpperCase()),
        reason: `${share >= 100 ? "Spent" : `${share}% spent`}: ${dollars(b.spentCents)} of ${dollars(b.limitCents)}`,
        dueDate: null,
        since: null,
      };
    });
}

/** When the task last changed status (from the activity read), else its last update: a lower bound. */
function blockedSince(task: Task.Info, activity: ProjectFacts["activity"]): string {
  const moved = activity.find(
    (a) => a.action === "task.moved" && a.subjectId === task.id && a.summary.startsWith("Moved "),
  );
  return moved?.createdAt ?? task.updatedAt;
}

const byOldest = (risks: Risk[]) =>
  risks.sort((a, b) => (a.since ?? a.dueDate ?? "").localeCompare(b.since ?? b.dueDate ?? ""));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
/** Whole days from a moment to `now`. */
const daysSince = (iso: string, now: Date) => Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const days = (n: number) => count(n, "day");
/** Dollars; a fraction of a cent (offline answers) as itself rather than "$0.00". */
const dollars = (cents: number) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    ...(cents > 0 && cents < 1 ? { maximumSignificantDigits: 2 } : {}),
  }).format(cents / 100);

async function readProjects(workspaceId: string): Promise<ProjectFacts[]> {
  const { data } = await ProjectEntity().query.primary({ workspaceId }).go({ pages: "all" });
  const active = data.filter((p) => p.status === "active");
  return Promise.all(
    active.map(async (p) => {
      const key = { workspaceId, projectId: p.projectId };
      const [tasks, activity] = await Promise.all([
        TaskEntity()
          .query.primary(key)
          .where(({ status }, { ne }) => ne(status, "done"))
          .go({ pages: "all" }),
        ActivityEntity()
          .query.primary(key)
          .go({
            order: "desc",
            limit: ACTIVITY_PAGE,
            attributes: ["action", "subjectId", "summary", "createdAt"],
          }),
      ]);
      return {
        projectId: p.projectId,
        name: p.name,
        createdAt: p.createdAt,
        openTasks: tasks.data.map((t) => Task.toInfo(t as TaskItem)),
        activity: activity.data,
      };
    }),
  );
}

async function readBudgets(workspaceId: string, now: Date): Promise<BudgetFacts[]> {
  const scopes = scopesOf(await Budget.budgetsOf(workspaceId), workspaceId, now).filter(isLimited);
  const spent = await spentIn(scopes);
  return scopes.map((s, i) => ({ kind: s.kind, limitCents: s.limitCents, spentCents: spent[i] ?? 0 }));
}
