// Reads both tables item by item, so a test can prove that a refused request wrote nothing:
// no domain item, ticket, connection or subscription. Request counters are left out: the rate
// limits count every request, refused ones included, by design.

import { PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { documents } from "@rehome/core/aws/clients";
import { config } from "@rehome/core/config";

export type Snapshot = Map<string, string>;

const COUNTER = "rateWindow";

/** Every item of the Data and Realtime tables but counters, keyed by `table|pk|sk`, valued by its JSON. */
export async function snapshot(): Promise<Snapshot> {
  const items: Snapshot = new Map();
  for (const table of [config().tables.data, config().tables.realtime])
    for (const item of await scan(table))
      if (item.__edb_e__ !== COUNTER) items.set(`${table}|${item.pk}|${item.sk}`, JSON.stringify(item));
  return items;
}

/** The keys added, removed or changed between two snapshots (empty when nothing was written). */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
}

/**
 * Rewrites attributes of the one Data item whose attributes match `where`, e.g. to move an
 * expiry into the past as if time had passed. Test fixtures only.
 */
export async function rewrite(where: Record<string, string>, set: Record<string, unknown>): Promise<void> {
  const table = config().tables.data;
  const item = (await scan(table)).find((candidate) =>
    Object.entries(where).every(([name, value]) => candidate[name] === value),
  );
  if (!item) throw new Error(`no item matches ${JSON.stringify(where)}`);
  await documents().send(new PutCommand({ TableName: table, Item: { ...item, ...set } }));
}

async function scan(table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
