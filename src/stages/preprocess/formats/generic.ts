// The fallback for any other line: an ISO-8601 or syslog-style timestamp at the start if present,
// the rest as the message.
import { plain, type FormatDefinition } from './definition.js';
import { monthIndex, parseIsoLike, utc, YearTracker } from './time.js';

const ISO_PREFIX = /^\[?(\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\s*(?:Z|[+-]\d{2}:?\d{2})?)\]?\s*(.*)$/;
const SYSLOG_PREFIX = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})\s+(.*)$/;

export const generic: FormatDefinition = {
  name: 'generic',
  matches: () => true,
  parser: ({ defaultYear }) => {
    const years = new YearTracker(defaultYear);
    return (line) => {
      const iso = ISO_PREFIX.exec(line);
      if (iso) return { ts: parseIsoLike(iso[1]), entity: null, program: null, message: iso[2].trimEnd() };
      const sys = SYSLOG_PREFIX.exec(line);
      if (!sys) return plain(line);
      const month = monthIndex(sys[1]);
      return { ts: utc(years.yearFor(month), month, +sys[2], +sys[3], +sys[4], +sys[5]), entity: null, program: null, message: sys[6].trimEnd() };
    };
  },
};
