// `rehome tokens create|list|revoke`: personal API tokens of the signed-in person, for the smoke
// test and integrations. The secret is printed once, alone on stdout, so a script can capture it.
import type { Auth } from "@rehome/core/auth";
import type * as z from "zod";
import { request, signIn } from "../http";
import type { Options } from "../main";
import { CliError, ok } from "../output";

type Created = z.infer<typeof Auth.CreatedApiToken>;
type Info = z.infer<typeof Auth.ApiTokenInfo>;

const usage = "usage: rehome tokens create --name N [--scope read|write] [--days N] | list | revoke <id>";

export async function tokens(args: string[], options: Options) {
  const [action, tokenId] = args;
  if (action === "create") return withSession(options, (token) => create(options, token));
  if (action === "list") return withSession(options, (token) => list(options.url, token));
  if (action === "revoke" && tokenId)
    return withSession(options, (token) => revoke(options.url, token, tokenId));
  throw new CliError(usage);
}

async function create(options: Options, token: string) {
  if (!options.name) throw new CliError("give the token a --name");
  if (options.scope !== "read" && options.scope !== "write") throw new CliError("--scope is read or write");
  const days = options.days === undefined ? undefined : Number(options.days);
  if (days !== undefined && !(Number.isInteger(days) && days > 0))
    throw new CliError("--days is a whole number of days");
  const created = await request<Created>(options.url, "/api/tokens", {
    method: "POST",
    token,
    body: { name: options.name, scope: options.scope, expiresInDays: days },
  });
  const { info } = created;
  console.error(
    `✓ API token "${info.name}" created: id ${info.id}, scope ${info.scope}, expires ${info.expiresAt}. It is shown only now:`,
  );
  console.log(created.token);
}

async function list(url: string, token: string) {
  const page = await request<{ items: Info[] }>(url, "/api/tokens", { token });
  for (const info of page.items) {
    const state = info.revokedAt ? `revoked ${info.revokedAt}` : `expires ${info.expiresAt}`;
    console.log(`  ${info.id}  ${info.scope.padEnd(5)}  ${state}  ${info.name}`);
  }
  ok(`${page.items.length} API token(s)`);
}

async function revoke(url: string, token: string, tokenId: string) {
  await request(url, `/api/tokens/${encodeURIComponent(tokenId)}`, { method: "DELETE", token });
  ok(`API token ${tokenId} revoked`);
}

/** Runs `action` signed in; a session opened here (not a given --token) is closed afterwards. */
async function withSession(options: Options, action: (token: string) => Promise<void>) {
  const token = await signIn(options.url, options);
  try {
    await action(token);
  } finally {
    if (!options.token)
      await request(options.url, "/api/logout", { method: "POST", token }).catch(() => undefined);
  }
}
