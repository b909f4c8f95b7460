// A provisioned sandbox (provisioned concurrency, infra/warm.ts) initializes before any request
// reaches it, so it does a first request's one-off work there, out of every person's way: the
// secrets read, the AWS clients' connections, the modules loaded on first use, the request path
// compiled. An on-demand sandbox skips it, as its first request would then wait for it too.
import { loadSecrets } from "@rehome/core/config/secrets";
import { logger } from "@rehome/core/log";
import type { App } from "./app";

/** What Lambda sets AWS_LAMBDA_INITIALIZATION_TYPE to in a provisioned sandbox's init. */
export const PROVISIONED = "provisioned-concurrency";

/** Marks the warm-up's own lines in the access log. */
export const WARM_UP_REQUEST_ID = "warm-up";

/** A well-formed token that names no session: authenticates through DynamoDB, answers 401. */
const NO_SESSION = "Bearer warm-up.none";

/** Never fails the init: what it could not do, the first request does (and reports) again. */
export async function warmUp(app: Pick<App, "request">) {
  try {
    await loadSecrets();
    const headers = { "X-Request-ID": WARM_UP_REQUEST_ID };
    await app.request("/health", { headers });
    await app.request("/api/projects", { headers: { ...headers, Authorization: NO_SESSION } });
  } catch (error) {
    logger().warn("warm-up failed; the first request tries again", { error });
  }
}
