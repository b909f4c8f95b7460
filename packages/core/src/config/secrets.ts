// Cold-start loading of the secrets a deployed function receives by ARN (`<NAME>_SECRET_ARN`):
// each is read once from Secrets Manager and handed to config as <NAME>. Values are never logged;
// a secret that cannot be read stops the function with a message naming its variable.
import { secretsManager } from "../aws/clients";
import { ConfigError, config, provide } from "./index";

let loading: Promise<void> | undefined;

/**
 * Awaited by a Lambda entry point before it handles an event, and by what uses a secret a cold
 * request seldom needs (mail: the http function's entry does not wait); later calls reuse the result.
 */
export function loadSecrets(): Promise<void> {
  loading ??= readAll().catch((error: unknown) => {
    // A throttled or briefly unreachable Secrets Manager must not poison the container for good.
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readAll() {
  const wanted = Object.entries(config().secretArns).flatMap(([name, arn]) => (arn ? [{ name, arn }] : []));
  if (wanted.length === 0) return;
  const values = await Promise.all(
    wanted.map(async ({ name, arn }) => [name, await read(`${name}_SECRET_ARN`, arn)] as const),
  );
  provide(Object.fromEntries(values));
}

async function read(variable: string, arn: string): Promise<string> {
  const problem = (reason: string) =>
    new ConfigError(`Invalid configuration:\n  ${variable}: cannot read secret ${arn} (${reason})`);
  let value: string | undefined;
  try {
    const { client, sdk } = await secretsManager();
    value = (await client.send(new sdk.GetSecretValueCommand({ SecretId: arn }))).SecretString;
  } catch (error) {
    throw problem(`${(error as Error).name}: ${(error as Error).message}`);
  }
  if (!value) throw problem("it has no string value");
  return value;
}
