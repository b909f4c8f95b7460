// Suites that drive the agent worker run by run, handing each run its provider: the stack
// without a worker, the local fake Messages API beside it, the demo's people signed in, and the
// Anthropic provider of core pointed at the fake.
import { type FakeAnthropic, startFakeAnthropic } from "@rehome/local/fake-anthropic";
import { anthropicProvider } from "../../packages/core/src/agent/providers/anthropic";
import { bootStack, login, type Person } from "./stack";

const ROLES = ["admin", "team", "consultant", "client"] as const;

export async function bootRunByRun() {
  const fake = await startFakeAnthropic();
  const stack = await bootStack({
    worker: false,
    env: { OFFLINE_TOKENS_PER_SEC: "2000", AGENT_LIMIT_PER_MINUTE: "1000", AGENT_LIMIT_PER_DAY: "1000" },
  });
  const people = {} as Record<(typeof ROLES)[number], Person>;
  for (const role of ROLES) people[role] = await login(stack, `${role}@demo.rehome.local`);
  return { fake, stack, people };
}

export const fakeAnthropicProvider = (fake: FakeAnthropic) =>
  anthropicProvider({
    apiKey: "test-key",
    baseURL: fake.url,
    model: "claude-test",
    maxTokens: 256,
    temperature: 0,
    timeoutMs: 5000,
    maxRetries: 0,
  });
