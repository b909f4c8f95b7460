// The provider side of the stream benchmark, its own child process: the fake Anthropic
// Messages API answering every request with `tokens` stamped tokens at `tokensPerSec`.
import { startFakeAnthropic } from "@rehome/local/fake-anthropic";
import { argument, serve } from "./ipc";
import { stampToken } from "./stamp";

export interface ProviderArgument {
  epochMs: number;
  tokens: number;
  tokensPerSec: number;
}

const { epochMs, tokens, tokensPerSec } = argument<ProviderArgument>();
const fake = await startFakeAnthropic({
  kind: "generated",
  tokens,
  tokensPerSec,
  token: () => stampToken(epochMs),
});
serve({ url: fake.url }, { stop: () => fake.stop() });
