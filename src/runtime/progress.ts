// Progress of a long step: a cli-progress bar when stderr is a terminal, periodic log lines
// otherwise (CI, files), so a long run is never silent.
import cliProgress from 'cli-progress';
import { logger } from './logger.js';

export interface Progress {
  /** `done` units of `total`; `extra` shows rates such as words/s. */
  update(done: number, extra?: Readonly<Record<string, string | number>>): void;
  stop(): void;
}

const LOG_EVERY_MS = 5000;

/** A progress log line: "title: 12.5%" for a unit of %, else "title: 34/300 steps (11.3%)". */
export function progressMessage(title: string, done: number, total: number, unit: string): string {
  const percent = total > 0 ? `${((100 * done) / total).toFixed(1)}%` : '?%';
  if (unit === '%') return `${title}: ${percent}`;
  return `${title}: ${Math.round(done).toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit} (${percent})`;
}

/** Rates and the like to four significant digits, so log lines stay short. */
export function roundedFields(extra: Readonly<Record<string, string | number>>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(extra).map(([key, value]) => [key, typeof value === 'number' ? Number(value.toPrecision(4)) : value]));
}

function formatExtra(extra: Readonly<Record<string, string | number>>): string {
  return Object.entries(extra)
    .map(([key, value]) => `${key} ${typeof value === 'number' ? Math.round(value).toLocaleString('en-US') : value}`)
    .join('  ');
}

export function startProgress(title: string, total: number, unit: string): Progress {
  if (process.stderr.isTTY && process.env.LAD_NO_PROGRESS_BAR === undefined) return barProgress(title, total, unit);
  let lastLog = Date.now();
  return {
    update(done, extra = {}) {
      if (Date.now() - lastLog < LOG_EVERY_MS) return;
      lastLog = Date.now();
      logger().info(roundedFields(extra), progressMessage(title, done, total, unit));
    },
    stop() {},
  };
}

function barProgress(title: string, total: number, unit: string): Progress {
  const bar = new cliProgress.SingleBar(
    // A percentage unit needs no count beside the bar's own percentage (its value is a fraction).
    { format: `${title} [{bar}] {percentage}%${unit === '%' ? '' : ` {value}/{total} ${unit}`} {extra}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { extra: '' });
  return {
    update: (done, extra = {}) => bar.update(done, { extra: formatExtra(extra) }),
    stop: () => bar.stop(),
  };
}
