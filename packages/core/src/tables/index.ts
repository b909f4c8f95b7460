// The one definition of both DynamoDB tables: keys, indexes and TTL attribute.
// infra/ builds the deployed tables from it and packages/local creates the local ones from it,
// so the two schemas cannot drift. Pure data: no SDK imports here.

export interface TableDefinition {
  /** Logical name; the physical name comes from config (DATA_TABLE / REALTIME_TABLE). */
  readonly id: "Data" | "Realtime";
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey: string;
  }[];
  /** Epoch-seconds attribute DynamoDB expires items by. Readers must also filter on it. */
  readonly ttlAttribute?: string;
  /** Durable business data: point-in-time recovery on, deletion protection on in prod. */
  readonly durable: boolean;
}

/** Durable domain items (single-table design). Access patterns are listed in core/src/db. */
export const DataTable: TableDefinition = {
  id: "Data",
  partitionKey: "pk",
  sortKey: "sk",
  indexes: [
    { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  ],
  durable: true,
};

/** Ephemeral items that expire: connections, subscriptions, tickets, stream state, rate windows. */
export const RealtimeTable: TableDefinition = {
  id: "Realtime",
  partitionKey: "pk",
  sortKey: "sk",
  indexes: [{ name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
  ttlAttribute: "expiresAt",
  durable: false,
};

export const Tables = [DataTable, RealtimeTable] as const;

/** Epoch seconds, the unit of the TTL attribute. */
export const epochSeconds = (date: Date = new Date()) => Math.floor(date.getTime() / 1000);

/** True while a TTL item is still alive: DynamoDB deletes expired items lazily, so reads check it. */
export const isAlive = (item: { expiresAt?: number }, now: Date = new Date()) =>
  item.expiresAt === undefined || item.expiresAt > epochSeconds(now);
