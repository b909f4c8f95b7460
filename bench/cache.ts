// `npm run bench:cache`: prompt caching, measured. A local stack answers 10 questions in one
// project through the real Anthropic SDK against the fake Messages API, which caches as the real
// one does (a prefix through the last `cache_control` block, from a minimum length, for 5 minutes).
// It checks that every question sends the same cacheable prefix (system prompt and the project's
// data) and prices the input both ways: as billed with caching, and as the same tokens would be
// billed without it. Two projects: the demo kitchen as seeded, and one whose data fills the
// context budget (an active project). Writes bench/results/cache.json.
import { parseArgs } from "node:util";
import { RunEntity } from "@rehome/core/agent/entity";
import { processRun } from "@rehome/core/agent/worker";
import { config } from "@rehome/core/config";
import { Demo } from "@rehome/core/demo";
import { startFakeAnthropic } from "@rehome/local/fake-anthropic";
import { startStack } from "@rehome/local/stack";
import { save } from "./save";

const { values: flags } = parseArgs({
  options: {
    questions: { type: "string", default: "10" },
    // Claude Sonnet 4.6's minimum cacheable prompt; older Sonnets cache from 1,024 tokens.
    "min-cache-tokens": { type: "string", default: "2048" },
  },
  strict: false,
});
const QUESTIONS = [
  "What is blocked?",
  "What changed today?",
  "Overdue by assignee",
  "My tasks this week",
  "Who is waiting on the client?",
  "Summarize last 20 messages",
  "What is due next week?",
  "Which tasks have no assignee?",
  "Last week highlights",
  "What should I chase today?",
];
const questions = Number(flags.questions);
const minCacheTokens = Number(flags["min-cache-tokens"]);

const fake = await startFakeAnthropic(
  { kind: "answer", text: "Here is what the project data says." },
  { minCacheTokens },
);
const stack = await startStack({
  worker: false,
  env: {
    LOG_LEVEL: "ERROR",
    AI_PROVIDER: "anthropic",
    ANTHROPIC_API_KEY: "bench-key",
    ANTHROPIC_BASE_URL: fake.url,
    AGENT_LIMIT_PER_MINUTE: "1000",
    AGENT_LIMIT_PER_DAY: "1000",
  },
});

type Admin = { token: string; user: { workspaceId: string } };
type Created = { id: string };

const api = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

try {
  await Demo.seed();
  const admin = await api<Admin>("POST", "/api/login", undefined, {
    email: "admin@demo.rehome.local",
    password: Demo.PASSWORD,
  });
  const { items } = await api<{ items: (Created & { name: string })[] }>("GET", "/api/projects", admin.token);
  const kitchen = items.find((p) => p.name.startsWith("Kitchen"))?.id ?? "";
  const busy = await plantActiveProject(admin.token);
  const results = [
    { project: "demo kitchen (as seeded)", ...(await measure(admin, kitchen)) },
    { project: "active project (data fills the context budget)", ...(await measure(admin, busy)) },
  ];
  const prices = config().ai.prices.other;
  console.log(
    `Prompt caching: ${questions} questions in one project, input priced at ${prices.input} / ${prices.cacheWrite} / ${prices.cacheRead} cents per MTok (input / cache write / cache read), cache from ${minCacheTokens} tokens`,
  );
  for (const r of results)
    console.log(
      `  ${r.project.padEnd(48)} prefix ${String(r.prefixTokens).padStart(5)} tokens, identical: ${r.prefixIdentical}  input ${r.withCacheCents.toFixed(4)}¢ cached vs ${r.withoutCacheCents.toFixed(4)}¢ uncached (${r.savedPercent}% less)`,
    );
  console.log(`→ ${await save("cache", { questions, minCacheTokens, pricesCentsPerMTok: prices, results })}`);
} finally {
  await stack.stop();
  await fake.stop();
}

/** Asks `questions` questions in one thread of the project and prices their input both ways. */
async function measure(admin: Admin, projectId: string) {
  const thread = await api<Created>("POST", `/api/projects/${projectId}/agent/threads`, admin.token, {});
  const sent = fake.requests().length;
  const runs: { tokensIn: number; cacheWriteTokens: number; cacheReadTokens: number }[] = [];
  for (const content of QUESTIONS.slice(0, questions)) {
    const path = `/api/agent/threads/${thread.id}/messages`;
    const asked = await api<{ run: Created }>("POST", path, admin.token, { content });
    await processRun(admin.user.workspaceId, asked.run.id);
    const { data } = await RunEntity().get({ workspaceId: admin.user.workspaceId, runId: asked.run.id }).go();
    if (data?.status !== "completed") throw new Error(`run ${asked.run.id}: ${data?.status}`);
    runs.push({
      tokensIn: data.tokensIn ?? 0,
      cacheWriteTokens: data.cacheWriteTokens ?? 0,
      cacheReadTokens: data.cacheReadTokens ?? 0,
    });
  }
  // The cacheable prefix: the system prompt, then the data block that carries `cache_control`.
  const prefixes = fake
    .requests()
    .slice(sent)
    .map((r) => `${r.system}${(r.messages[0]?.content as { text: string }[])[0]?.text}`);
  const p = config().ai.prices.other;
  const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((total, r) => total + f(r), 0);
  const withCacheCents =
    sum((r) => r.tokensIn * p.input + r.cacheWriteTokens * p.cacheWrite + r.cacheReadTokens * p.cacheRead) /
    1e6;
  const withoutCacheCents = sum((r) => (r.tokensIn + r.cacheWriteTokens + r.cacheReadTokens) * p.input) / 1e6;
  return {
    prefixIdentical: prefixes.every((prefix) => prefix === prefixes[0]),
    prefixTokens: Math.ceil((prefixes[0]?.length ?? 0) / 4),
    inputTokens: sum((r) => r.tokensIn),
    cacheWriteTokens: sum((r) => r.cacheWriteTokens),
    cacheReadTokens: sum((r) => r.cacheReadTokens),
    withCacheCents: round(withCacheCents),
    withoutCacheCents: round(withoutCacheCents),
    savedPercent: Math.round((1 - withCacheCents / withoutCacheCents) * 100),
  };
}

/** A project with more tasks and messages than the context budget holds, as an active one has. */
async function plantActiveProject(token: string): Promise<string> {
  const project = await api<Created>("POST", "/api/projects", token, {
    name: "Whole-house renovation",
    description: "Rewire, replumb, new kitchen and two bathrooms; the family stays in during works.",
  });
  const rooms = ["kitchen", "bathroom", "landing", "loft", "hallway", "utility room", "bedroom two"];
  const trades = ["plumber", "electrician", "plasterer", "joiner", "tiler", "decorator"];
  for (let i = 0; i < 60; i++)
    await api("POST", `/api/projects/${project.id}/tasks`, token, {
      title: `${trades[i % trades.length]} in the ${rooms[i % rooms.length]}: stage ${1 + Math.floor(i / 7)}`,
      description: `Agree access with the family, protect the floors, and photograph the ${rooms[i % rooms.length]} before and after.`,
      status: (["todo", "in_progress", "blocked", "done"] as const)[i % 4],
    });
  for (let i = 0; i < 120; i++)
    await api("POST", `/api/projects/${project.id}/messages`, token, {
      body: `Site note ${i + 1}: the ${trades[i % trades.length]} finished in the ${rooms[i % rooms.length]} today; snagging list updated and the skip swapped.`,
    });
  return project.id;
}

function round(cents: number) {
  return Math.round(cents * 1e4) / 1e4;
}
