// Ctrl-C and SIGTERM stop a long-running local command once, however many signals arrive.
export function stopOnSignals(stop: () => Promise<void>) {
  const once = async () => {
    process.off("SIGINT", once);
    process.off("SIGTERM", once);
    await stop();
    process.exit(0);
  };
  process.on("SIGINT", once);
  process.on("SIGTERM", once);
}
