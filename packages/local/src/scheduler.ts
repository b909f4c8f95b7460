// The local stand-in for EventBridge Scheduler: fires the digest job daily at 07:00 and the
// weekly rollup on Mondays at 07:00 (local time), with the event shape the deployed rule sends.
export type ScheduledHandler = (event: {
  source: string;
  "detail-type": string;
  detail: { kind: "daily" | "weekly" };
}) => Promise<unknown>;

const CHECK_EVERY_MS = 60_000;

export function startScheduler(handler: ScheduledHandler, now: () => Date = () => new Date()) {
  let lastFired = "";
  const tick = async () => {
    const at = now();
    const slot = `${at.toDateString()} ${at.getHours()}`;
    if (at.getHours() !== 7 || slot === lastFired) return;
    lastFired = slot;
    await handler({ source: "rehome.scheduler", "detail-type": "digest", detail: { kind: "daily" } });
    if (at.getDay() === 1) {
      await handler({ source: "rehome.scheduler", "detail-type": "digest", detail: { kind: "weekly" } });
    }
  };
  const timer = setInterval(() => void tick().catch(() => undefined), CHECK_EVERY_MS);
  timer.unref();
  return { stop: async () => clearInterval(timer) };
}
