// The deployed agent worker holds many answers at once, each mostly waiting on the model: memory
// decides how many fit in one invocation, CPU is idle most of the time. So its heap favours size:
// V8's conservative old-generation growth (--optimize-for-size) and a young generation kept at its
// starting 1 MB per semi-space (growth factor 1). Together they took the resident memory each
// extra stream adds from about 400 KB to under 100 KB, for about a sixth more CPU per answer
// (bench:stream's worker-alone figures). Either alone did not help: a small young generation
// promotes more, and lazy old-space growth alone still lets the young one reach 32 MB.
//
// Set from code because Lambda takes Node flags only through NODE_OPTIONS, which refuses
// --optimize-for-size; Node lets V8 flags change after start, and both are read as the heap grows.
// Imported first by the Lambda entry only: the local stack's one process keeps V8's defaults.
import { setFlagsFromString } from "node:v8";

export const SMALL_HEAP_FLAGS = ["--optimize-for-size", "--semi-space-growth-factor=1"] as const;

for (const flag of SMALL_HEAP_FLAGS) setFlagsFromString(flag);
