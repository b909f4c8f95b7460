// How busy a benchmark process was: CPU time over wall time since a mark, as a share of one
// core. Near 1 the process was saturated, and its latencies measure the machine, not the design.

export function busy() {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return {
    share: () => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1000 / (performance.now() - wall);
    },
  };
}
