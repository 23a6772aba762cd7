// JSON lines: the message and the time are found under their common names.
import { plain, type FormatDefinition } from './definition.js';
import { parseEpoch, parseIsoLike } from './time.js';

const MESSAGE_KEYS = ['message', 'msg', 'log', 'text', 'MESSAGE'];
const TIME_KEYS = ['time', 'timestamp', '@timestamp', 'ts', 'date', '__REALTIME_TIMESTAMP'];
const ENTITY_KEYS = ['user', 'username', 'host', 'hostname', 'session', 'client'];

function first(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

function timeOf(value: unknown): number | null {
  if (typeof value === 'number') return parseEpoch(value);
  if (typeof value !== 'string') return null;
  if (/^\d{10,16}$/.test(value)) return parseEpoch(Number(value.length === 16 ? value.slice(0, 13) : value));
  return parseIsoLike(value);
}

export const jsonLines: FormatDefinition = {
  name: 'jsonl',
  matches: (line) => line.startsWith('{') && line.trimEnd().endsWith('}'),
  parser: () => (line) => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return plain(line);
    }
    if (typeof record !== 'object' || record === null) return plain(line);
    const message = first(record, MESSAGE_KEYS);
    const entity = first(record, ENTITY_KEYS);
    return {
      ts: timeOf(first(record, TIME_KEYS)),
      entity: typeof entity === 'string' ? entity : null,
      program: null,
      message: typeof message === 'string' ? message.trimEnd() : line.trimEnd(),
    };
  },
};
