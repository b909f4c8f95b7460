// Counts the AWS calls of the benchmark's stack process with SDK middleware on the clients it
// uses (core's, and the local event source mapping's). DynamoDB calls also ask for their
// consumed capacity, which is what on-demand billing charges: request units, reads and writes apart.
export interface Tally {
  /** Per operation: calls made, the capacity units they consumed (DynamoDB only), time spent. */
  [operation: string]: { calls: number; units: number; ms: number };
}

export type Counted = Record<string, Tally>;

const DYNAMODB_DATA_OPERATIONS = new Set([
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactGetItems",
  "TransactWriteItems",
]);
const DYNAMODB_READS = new Set(["GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"]);

export const isDynamoRead = (operation: string) => DYNAMODB_READS.has(operation);

type Handler = (args: { input: any }) => Promise<{ output: any }>;
/** What every SDK v3 client has, loose enough that any service's client fits. */
interface Instrumentable {
  middlewareStack: {
    add(
      middleware: (next: Handler, context: { commandName?: string }) => Handler,
      options: { step: "initialize"; name: string },
    ): void;
  };
}

/** Starts counting the calls of each named client; `reset` zeroes every tally. */
export function countCalls(clients: Record<string, Instrumentable>) {
  const tallies: Counted = {};
  for (const [service, client] of Object.entries(clients)) {
    tallies[service] = {};
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? "unknown").replace(/Command$/, "");
        const input = args.input as Record<string, unknown>;
        if (service === "dynamodb" && DYNAMODB_DATA_OPERATIONS.has(operation))
          input.ReturnConsumedCapacity = "TOTAL";
        const entry = (tallies[service] as Tally)[operation] ?? { calls: 0, units: 0, ms: 0 };
        (tallies[service] as Tally)[operation] = entry;
        entry.calls++;
        const started = performance.now();
        const result = await next(args);
        entry.ms += performance.now() - started;
        entry.units += capacityOf((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
        return result;
      },
      { step: "initialize", name: "benchCallCounter" },
    );
  }
  return {
    snapshot: (): Counted => structuredClone(tallies),
    reset: () => {
      for (const tally of Object.values(tallies)) for (const key of Object.keys(tally)) delete tally[key];
    },
  };
}

function capacityOf(consumed: unknown): number {
  const all = (Array.isArray(consumed) ? consumed : [consumed]) as ({ CapacityUnits?: number } | undefined)[];
  return all.reduce((sum, c) => sum + (c?.CapacityUnits ?? 0), 0);
}
