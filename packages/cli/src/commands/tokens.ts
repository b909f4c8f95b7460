// `rehome tokens create`: a personal API token for integrations, printed once.

import { request, signIn } from "../http";
import type { Options } from "../main";
import { CliError, ok } from "../output";

export async function tokens(args: string[], options: Options) {
  if (args[0] !== "create" || !options.name)
    throw new CliError("usage: rehome tokens create --name N [--scope read|write]");
  const session = await signIn(options.url, options);
  const created = await request<{ token: string; id: string }>(options.url, "/api/tokens", {
    method: "POST",
    token: session,
    body: { name: options.name, scope: options.scope },
  });
  console.log(created.token);
  ok(`API token "${options.name}" (${options.scope}) created; it is shown only this once`);
}
