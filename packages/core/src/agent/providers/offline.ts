// The provider used when no API key is set: deterministic, grounded answers computed from the
// scoped context only, citing the tasks and messages they use, streamed word by word at a
// realistic pace. It chooses an answer from the question alone; project content is only quoted.
import { NO_TOKENS } from "../../budget/tokens";
import { sleep } from "../../util";
import { type AgentContext, estimateTokens, renderContext } from "../context";
import { OFFLINE_MODEL } from "../models";
import {
  blocked,
  changedToday,
  lastMessages,
  lastWeek,
  myTasksThisWeek,
  onSite,
  overdueByAssignee,
} from "./offline/answers";
import { changeOrderDraft, clientUpdate } from "./offline/drafts";
import {
  dueOf,
  messageLine,
  newestFirst,
  paragraphs,
  plural,
  quote,
  statusOf,
  taskLine,
  where,
  who,
} from "./offline/format";
import { actionItems, decisions } from "./offline/meeting";
import { delivered, next, risks } from "./offline/milestone";
import { riskNotes } from "./offline/risks";
import type { Provider, ProviderRequest, Usage } from "./provider";

export function offlineProvider(tokensPerSecond: number): Provider {
  let usage: Usage = NO_TOKENS;
  return {
    name: "offline",
    model: OFFLINE_MODEL,
    async *stream(request: ProviderRequest) {
      const answer = answerFor(request.question, request.context);
      const prefill = request.answer.toString();
      const remaining = answer.startsWith(prefill) ? answer.slice(prefill.length) : answer;
      // What a model would have been sent: the quoted context and the question.
      usage = {
        ...NO_TOKENS,
        tokensIn: estimateTokens(renderContext(request.context)) + estimateTokens(request.question),
        tokensOut: estimateTokens(answer),
      };
      const pause = tokensPerSecond > 0 ? 1000 / tokensPerSecond : 0;
      for (const token of remaining.match(/\s*\S+|\s+$/g) ?? []) {
        if (request.signal.aborted) throw request.signal.reason;
        if (pause) await sleep(pause, request.signal);
        request.answer.append(token);
        yield token;
      }
    },
    usage: () => usage,
  };
}

const DEFAULT_MESSAGES = 20;
const MAX_MESSAGES = 50;

/**
 * The quick prompts, matched on the question's words in this order; a meeting summary's prompts
 * come first, as the notes they carry may hold any word. Answers get the question lower-cased, and as asked.
 */
const ROUTES: [RegExp, (c: AgentContext, question: string, asked: string) => string][] = [
  [/^meeting decisions\b/, (_, __, asked) => decisions(asked)],
  [/^meeting action items\b/, (_, __, asked) => actionItems(asked)],
  [/^risks and blockers\b/, (c, _, asked) => riskNotes(c, asked)],
  [/^change order draft\b/, changeOrderDraft],
  [/^client update draft\b/, clientUpdate],
  [/\bon site\b|\bsite log\b/, onSite],
  [/\bblocked\b/, blocked],
  [/\boverdue\b/, overdueByAssignee],
  [/\bmy tasks\b/, myTasksThisWeek],
  [/\bwhat changed\b|\bchanged today\b/, changedToday],
  [/\bsummar(y|i[sz]e)\b.*\bmessages?\b|\bmessages?\b.*\bsummar/, (c, q) => lastMessages(c, messageCount(q))],
  [/\bhighlights?\b|\blast week\b/, lastWeek],
  [/\bdelivered\b/, delivered],
  [/\bwhat is next\b|\bnext steps?\b/, next],
  [/\bopen risks?\b/, risks],
  [/\boverview\b|\bwhere things stand\b/, overview],
];

/** The answer text for a question: a quick prompt, else what the context says about its words. */
export function answerFor(question: string, context: AgentContext): string {
  const q = question.toLowerCase();
  const route = ROUTES.find(([pattern]) => pattern.test(q));
  return route ? route[1](context, q, question) : (search(context, q) ?? overview(context));
}

/** "last 5 messages" asks for five; otherwise twenty. */
function messageCount(question: string) {
  const asked = Number(question.match(/\b(\d{1,3})\s+(?:\w+\s+)?messages?\b/)?.[1] ?? DEFAULT_MESSAGES);
  return Math.min(MAX_MESSAGES, Math.max(1, asked));
}

const STOP_WORDS = new Set(
  "about also anything been could does doing everything from give have into just know like many more most much need only over please project projects should show some something still task tasks tell than that their them then there these they this those under were what when where which will with would your message messages file files".split(
    " ",
  ),
);

const MAX_FOUND = 8;

/** Tasks, messages and files that share words with the question, most words first; none: undefined. */
function search(c: AgentContext, question: string): string | undefined {
  const words = [...new Set(question.match(/[\p{L}\p{N}]{4,}/gu) ?? [])].filter((w) => !STOP_WORDS.has(w));
  if (words.length === 0) return undefined;
  const score = (text: string) => words.filter((w) => text.toLowerCase().includes(w)).length;
  const found = [
    ...c.tasks.map((t) => ({
      id: t.id,
      at: t.updatedAt,
      score: score(`${t.title} ${t.description} ${t.labels.join(" ")}`),
      line: () => taskLine(c, t, ` — ${statusOf(t)}, ${who(t)}`),
    })),
    ...c.messages.map((m) => ({
      id: m.id,
      at: m.createdAt,
      score: score(`${m.body} ${m.authorName}`),
      line: () => messageLine(c, m),
    })),
    ...c.files.map((f) => ({
      id: f.id,
      at: f.createdAt,
      score: score(f.name),
      line: () => `- File **${quote(f.name)}**, uploaded by ${quote(f.uploadedByName)}`,
    })),
  ].filter((hit) => hit.score > 0);
  if (found.length === 0) return undefined;
  const best = newestFirst(found, (hit) => hit.at)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_FOUND);
  const more = found.length - best.length;
  return paragraphs(
    `### What I found ${where(c)} about ${words.map((w) => `“${w}”`).join(", ")}\n`,
    `${best.map((hit) => hit.line()).join("\n")}\n`,
    more > 0 ? `${plural(more, "more match")} not shown.\n` : "",
  );
}

function overview(c: AgentContext) {
  const counts = { todo: 0, in_progress: 0, blocked: 0, done: 0 };
  for (const t of c.tasks) counts[t.status]++;
  const next = c.tasks
    .filter((t) => t.status !== "done" && t.dueDate)
    .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? "") || a.id.localeCompare(b.id))
    .slice(0, 3);
  const newest = newestFirst(c.messages, (m) => m.createdAt)[0];
  return paragraphs(
    `### Where things stand ${where(c)}\n`,
    `${counts.todo} to do, ${counts.in_progress} in progress, ${counts.blocked} blocked, ${counts.done} done.\n`,
    next.length
      ? `Next due:\n${next.map((t) => taskLine(c, t, ` — ${dueOf(c, t.dueDate ?? c.today)}`)).join("\n")}\n`
      : "",
    newest ? `Latest message:\n${messageLine(c, newest)}\n` : "",
    `Ask me "What changed today?", "My tasks this week", "Blocked tasks", "Overdue by assignee", "Summarize last 20 messages" or "Last week highlights".\n`,
  );
}
