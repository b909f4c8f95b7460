// Owns noticing cancel requests for the runs this process is answering: one poller for all of
// them, every CANCEL_POLL_MS one BatchGetItem per 100 runs (projecting only the flag), instead of a
// GetItem per run every poll — far fewer requests in flight (each holds tens of KB) and read units.
import { RunEntity } from "./entity";

export const CANCEL_POLL_MS = 250;
/** DynamoDB's limit of keys per BatchGetItem. */
export const BATCH_GET_KEYS = 100;

const watched = new Map<string, { workspaceId: string; runId: string; cancel: () => void }>();
let timer: NodeJS.Timeout | undefined;

/** Calls `cancel` once the run's cancel is requested; returns the function that stops watching. */
export function watchCancel(workspaceId: string, runId: string, cancel: () => void) {
  const id = `${workspaceId}/${runId}`;
  watched.set(id, { workspaceId, runId, cancel });
  schedule();
  return () => {
    watched.delete(id);
  };
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// The next poll counts from when the last settled, so a slow table never stacks polls.
function schedule() {
  if (timer || watched.size === 0) return;
  timer = setTimeout(() => void poll().finally(next), CANCEL_POLL_MS);
}

function next() {
  timer = undefined;
  schedule();
}

async function poll() {
  const keys = [...watched.values()].map(({ workspaceId, runId }) => ({ workspaceId, runId }));
  await Promise.all(
    chunks(keys, BATCH_GET_KEYS).map(async (batch) => {
      // A failed poll is tried again at the next one, as the per-run GetItem was.
      const { data } = await RunEntity()
        .get(batch)
        .go({ attributes: ["workspaceId", "runId", "cancelRequested"] })
        .catch(() => ({ data: [] }));
      for (const run of data)
        if (run.cancelRequested) watched.get(`${run.workspaceId}/${run.runId}`)?.cancel();
    }),
  );
}
