// Fault injection for the crash-safety tests: LAD_FAULT_KILL="<stage>:<n>" makes this process
// kill itself with SIGKILL at the n-th progress check of that stage, between two checkpoints.
// Unset (always, outside tests) it costs one comparison per check.

export function faultTrigger(stage: string): () => void {
  const spec = process.env.LAD_FAULT_KILL;
  if (!spec) return () => {};
  const [name, count] = spec.split(':');
  if (name !== stage || !Number.isInteger(Number(count))) return () => {};
  let remaining = Number(count);
  return () => {
    if (--remaining === 0) process.kill(process.pid, 'SIGKILL');
  };
}
