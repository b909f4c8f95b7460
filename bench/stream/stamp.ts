// How a token says when it left the fake provider: each token is a space and the milliseconds
// since the run's epoch in base 36, fixed width (about the size of a real token), so any
// subscriber can read from a delta alone when each token in it was emitted.
const WIDTH = 4; // 36^4 ms: a run may last 28 minutes

/** The token emitted at `now`. */
export const stampToken = (epochMs: number, now = Date.now()) =>
  ` ${Math.max(0, now - epochMs)
    .toString(36)
    .padStart(WIDTH, "0")}`;

/** Emission times (epoch ms) of the tokens in a delta, in order. */
export const emittedAt = (epochMs: number, delta: string) =>
  (delta.match(/\S+/g) ?? []).map((stamp) => epochMs + Number.parseInt(stamp, 36));
