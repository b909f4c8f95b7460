// What the assistant is asked for each draft, and the part of the scoped context each may rely on
// (and so cite). Prompts start with fixed words, so the offline provider knows them.
import type { AgentContext } from "../agent/context";

export const CHANGE_ORDER_PROMPT = `Change order draft: from the project messages you were given, and only those, propose one change order. Answer with exactly these labelled lines:
Title: a short title
Description: what changes, in one to three sentences
Reason: why, as the messages say
Cost: the cost change the messages state, with its currency symbol (e.g. $650; negative for a credit), or "none found"
Schedule: the days it adds (e.g. 2 days; negative if it saves time), or "none found"
Cite each message you rely on as [message:ID]. Never invent an amount or a number of days.`;

export const CLIENT_UPDATE_PROMPT = `Client update draft: write today's short update for the homeowner, in plain, friendly language, from today's site log, tasks and messages you were given, and only those. Three to six short sentences or a short list, no trade jargon, no internal matters. Cite each item you rely on as [sitelog:ID], [task:ID] or [message:ID]. If nothing happened today, say so in one sentence.`;

/** The asker's context cut to the chosen messages: the only items the draft may rely on and cite. */
export function chosenOnly(context: AgentContext, messageIds: string[]): AgentContext {
  const chosen = new Set(messageIds);
  const messages = context.messages.filter((m) => chosen.has(m.id));
  return {
    ...context,
    tasks: [],
    files: [],
    siteLogs: [],
    messages,
    used: messages.map((m) => `message:${m.id}`),
  };
}

/** The kinds of item a client update tells of, each cut to what happened today (UTC). */
const TODAY = {
  tasks: (c: AgentContext) =>
    c.tasks.filter((t) => (t.statusChangedAt ?? t.createdAt).slice(0, 10) === c.today),
  messages: (c: AgentContext) => c.messages.filter((m) => m.createdAt.slice(0, 10) === c.today),
  siteLogs: (c: AgentContext) => c.siteLogs.filter((l) => l.date === c.today),
} satisfies Partial<{ [K in keyof AgentContext]: (c: AgentContext) => AgentContext[K] }>;

/** The (already client-readable) context cut to today's items. */
export function todayOnly(context: AgentContext): AgentContext {
  const tasks = TODAY.tasks(context);
  const messages = TODAY.messages(context);
  const siteLogs = TODAY.siteLogs(context);
  return {
    ...context,
    tasks,
    messages,
    siteLogs,
    files: [],
    used: [
      ...siteLogs.map((l) => `sitelog:${l.id}`),
      ...tasks.map((t) => `task:${t.id}`),
      ...messages.map((m) => `message:${m.id}`),
    ],
  };
}
