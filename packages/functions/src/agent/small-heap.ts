// The deployed agent worker holds many answers at once, each mostly waiting on the model: memory
// decides how many fit in one invocation, while the CPU idles most of an answer. So its heap
// favours size: V8's conservative old-space growth (--optimize-for-size) and a young generation
// that stops growing (growth factor 1: 2 MB per semi-space once the bundle has loaded, where V8
// would go to 16 MB). Together they take the resident memory each extra stream adds from about
// 900 KB to about 190 KB, and a 50-stream worker from 159 to 98 MB, for a tenth more CPU
// per answer at 50 streams (bench:stream, worker alone in plain Node, 2026-12-03). Neither alone: lazy
// old-space growth left about 150 KB, and a small young generation alone made it worse by
// promoting more (both measured on 2026-12-02).
//
// Set from code because Lambda takes Node flags only through NODE_OPTIONS, which refuses
// --optimize-for-size; Node lets V8 flags change after start, and both are read as the heap grows.
// Imported first by the Lambda entry only: the local stack's one process keeps V8's defaults.
import { setFlagsFromString } from "node:v8";

for (const flag of ["--optimize-for-size", "--semi-space-growth-factor=1"]) setFlagsFromString(flag);
