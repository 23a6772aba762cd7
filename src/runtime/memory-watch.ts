// Samples the process's resident memory while a stage runs, to report its peak.
// The timer is unref'd so it never keeps the process alive.

export class MemoryWatch {
  peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 200) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): number {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return this.peak;
  }

  stop(): number {
    clearInterval(this.timer);
    return this.sample();
  }
}
