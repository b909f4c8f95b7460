// Reads the Data table item by item, so a test can prove that a refused request wrote nothing.

import { PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { documents } from "@rehome/core/aws/clients";
import { config } from "@rehome/core/config";

export type Snapshot = Map<string, string>;

/** Every item of the Data table, keyed by `pk|sk`, valued by its JSON. */
export async function snapshot(): Promise<Snapshot> {
  const items: Snapshot = new Map();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(
      new ScanCommand({ TableName: config().tables.data, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) items.set(`${item.pk}|${item.sk}`, JSON.stringify(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The keys added, removed or changed between two snapshots (empty when nothing was written). */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
}

/**
 * Rewrites attributes of the one stored item whose attributes match `where`, e.g. to move an
 * expiry into the past as if time had passed. Test fixtures only.
 */
export async function rewrite(where: Record<string, string>, set: Record<string, unknown>): Promise<void> {
  const item = [...(await snapshot()).values()]
    .map((json) => JSON.parse(json) as Record<string, unknown>)
    .find((candidate) => Object.entries(where).every(([name, value]) => candidate[name] === value));
  if (!item) throw new Error(`no item matches ${JSON.stringify(where)}`);
  await documents().send(new PutCommand({ TableName: config().tables.data, Item: { ...item, ...set } }));
}
