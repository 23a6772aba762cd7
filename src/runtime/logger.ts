// The process-wide pino logger: JSON lines to pipeline.log, readable lines on stderr.
// Modules call logger() each time they log, so a reconfiguration by the CLI reaches them.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger, type Level } from 'pino';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

const LEVEL_OF: Record<Verbosity, Level> = { quiet: 'warn', normal: 'info', verbose: 'debug' };
const LABEL: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/** Formats pino's JSON records as `HH:MM:SS LEVEL message key=value` lines. */
function humanStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line) out.write(formatRecord(JSON.parse(line) as Record<string, unknown>) + '\n');
      }
      done();
    },
  });
}

export function formatRecord(record: Record<string, unknown>): string {
  const time = new Date(Number(record.time)).toISOString().slice(11, 19);
  const level = LABEL[Number(record.level)] ?? String(record.level);
  const extras = Object.entries(record)
    .filter(([key]) => !HIDDEN_KEYS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [time, level.padEnd(5), String(record.msg ?? ''), ...extras].join(' ');
}

let current: Logger = pino({ level: 'info', base: undefined }, humanStream(process.stderr));

/** The logger in force now. */
export function logger(): Logger {
  return current;
}

/** Points the logger at `<dataDir>/pipeline.log` (JSON, debug and up) and stderr (human, by verbosity). */
export function configureLogger(options: { logFile?: string; verbosity?: Verbosity }): Logger {
  const level = LEVEL_OF[options.verbosity ?? 'normal'];
  const streams: pino.StreamEntry[] = [{ level, stream: humanStream(process.stderr) }];
  if (options.logFile) {
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    streams.push({ level: 'debug', stream: pino.destination({ dest: options.logFile, append: true, sync: true }) });
  }
  current = pino({ level: 'debug', base: undefined }, pino.multistream(streams));
  return current;
}
