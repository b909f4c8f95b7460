// Connection pools of the stack process's SDK clients. On Lambda every concurrent worker
// invocation has its own client with the SDK's default 50 sockets; the local stack runs them
// all in one process, so its clients get the pools of all of them, not one invocation's.
import { Agent } from "node:http";

const SOCKETS_PER_INVOCATION = 50;

interface Pooled {
  config: { requestHandler: unknown };
}

export function poolLikeLambda(invocations: number, clients: Pooled[]) {
  for (const client of clients) {
    const handler = client.config.requestHandler as {
      updateHttpClientConfig(key: "httpAgent", value: Agent): void;
    };
    handler.updateHttpClientConfig(
      "httpAgent",
      new Agent({ keepAlive: true, maxSockets: SOCKETS_PER_INVOCATION * invocations }),
    );
  }
}
