// Web server and PHP error logs: Apache (`[Sun Dec 04 04:47:44 2005] [error] ...`, 2.4 with
// module and pid), nginx (`2026/11/23 10:15:01 [error] 123#0: *5 ...`) and PHP / WordPress
// (`[23-Nov-2026 10:15:01 UTC] PHP Warning: ...`).
import { plain, type FormatDefinition } from './definition.js';
import { monthIndex, parseIsoLike, utc } from './time.js';

const APACHE = /^\[(?:[A-Z][a-z]{2}) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))? (\d{4})\] \[([\w:]+)\](?: \[pid \d+(?::tid \d+)?\])? ?(.*)$/;
const APACHE_CLIENT = /\[(?:client|remote) ([\d.a-f:]+?)(?::\d+)?\]/;
const NGINX = /^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}) \[(\w+)\] (\d+)#\d+: (?:\*\d+ )?(.*)$/;
const PHP = /^\[(\d{2})-([A-Z][a-z]{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: ([A-Za-z_/+-]+))?\] (.*)$/;
const CLIENT = /\bclient: ([\d.a-f:]+)/;

export const apacheError: FormatDefinition = {
  name: 'apache-error',
  matches: (line) => APACHE.test(line),
  parser: () => (line) => {
    const m = APACHE.exec(line);
    if (!m) return plain(line);
    const ms = m[6] ? Number(m[6].slice(0, 3).padEnd(3, '0')) : 0;
    // The [client ...] part stays in the message, as Loghub's ground truth keeps it.
    const message = m[9].trimEnd();
    return { ts: utc(+m[7], monthIndex(m[1]), +m[2], +m[3], +m[4], +m[5], ms), entity: APACHE_CLIENT.exec(message)?.[1] ?? null, program: m[8], message };
  },
};

export const nginxError: FormatDefinition = {
  name: 'nginx-error',
  matches: (line) => NGINX.test(line),
  parser: () => (line) => {
    const m = NGINX.exec(line);
    if (!m) return plain(line);
    const message = m[4].trimEnd();
    return { ts: parseIsoLike(m[1]), entity: CLIENT.exec(message)?.[1] ?? null, program: `nginx ${m[2]}`, message };
  },
};

export const phpError: FormatDefinition = {
  name: 'php-error',
  matches: (line) => PHP.test(line),
  parser: () => (line) => {
    const m = PHP.exec(line);
    if (!m) return plain(line);
    const message = m[8].trimEnd();
    return { ts: utc(+m[3], monthIndex(m[2]), +m[1], +m[4], +m[5], +m[6]), entity: null, program: 'php', message };
  },
};
