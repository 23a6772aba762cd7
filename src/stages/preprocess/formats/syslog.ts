// Syslog: RFC 3164 (`Nov 23 10:15:01 host sshd[123]: msg`, as auth.log) and RFC 5424
// (`<34>1 2026-11-23T10:15:01Z host app 123 ID47 [sd] msg`).
import { userIn } from './entity.js';
import { plain, type FormatDefinition } from './definition.js';
import { monthIndex, parseIsoLike, utc, YearTracker } from './time.js';

// Program names may hold parentheses or a space (`sshd(pam_unix)`, `syslogd 1.4.1`) but no colon or bracket.
const RFC3164 = /^(?:<\d{1,3}>)?([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?: (\d{4}))? (\S+) (?:([^:[\]]*?)(?:\[(\d+)\])?: ?)?(.*)$/;
const RFC5424 = /^<\d{1,3}>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|(?:\[[^\]]*\])+) ?(.*)$/;

export const rfc3164: FormatDefinition = {
  name: 'syslog-rfc3164',
  matches: (line) => RFC3164.test(line),
  parser: ({ defaultYear }) => {
    const years = new YearTracker(defaultYear);
    return (line) => {
      const m = RFC3164.exec(line);
      if (!m) return plain(line);
      const month = monthIndex(m[1]);
      const year = m[6] ? Number(m[6]) : years.yearFor(month);
      const message = m[10].trim();
      return { ts: utc(year, month, +m[2], +m[3], +m[4], +m[5]), entity: userIn(message) ?? m[7], program: m[8] || null, message };
    };
  },
};

export const rfc5424: FormatDefinition = {
  name: 'syslog-rfc5424',
  matches: (line) => RFC5424.test(line),
  parser: () => (line) => {
    const m = RFC5424.exec(line);
    if (!m) return plain(line);
    const message = m[7].replace(/^\uFEFF/, '').trimEnd();
    return { ts: parseIsoLike(m[1]), entity: userIn(message) ?? (m[2] === '-' ? null : m[2]), program: m[3] === '-' ? null : m[3], message };
  },
};
