// Loghub benchmark layouts: HDFS (`081109 203615 148 INFO dfs.DataNode$PacketResponder: msg`) and
// lines whose first field is a label (BGL / Thunderbird: `-` = normal, else the alert category).
import { plain, type FormatDefinition } from './definition.js';
import { parseEpoch, utc } from './time.js';

const HDFS = /^(\d{2})(\d{2})(\d{2}) (\d{2})(\d{2})(\d{2}) (\d+) ([A-Z]+) ([\w$.]+): (.*)$/;
const INLINE = /^(\S+) (\d{9,10}) (\d{4}\.\d{2}\.\d{2}) (\S+) (.*)$/;
// BGL: `2005-06-03-15.42.50.675872 R02-M1-N0 RAS KERNEL INFO message`.
const BGL_REST = /^\d{4}-\d{2}-\d{2}-\d{2}\.\d{2}\.\d{2}\.\d+ \S+ \S+ \S+ \S+ ?(.*)$/;
// Thunderbird: `Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: message`.
const THUNDERBIRD_REST = /^[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \S+ (?:[^:[\]]*?(?:\[\d+\])?: )?(.*)$/;

export const loghubHdfs: FormatDefinition = {
  name: 'loghub-hdfs',
  matches: (line) => HDFS.test(line),
  parser: () => (line) => {
    const m = HDFS.exec(line);
    if (!m) return plain(line);
    const block = /blk_-?\d+/.exec(m[10]);
    return { ts: utc(2000 + +m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]), entity: block?.[0] ?? null, program: m[9], message: m[10].trimEnd() };
  },
};

export const loghubInlineLabel: FormatDefinition = {
  name: 'loghub-inline-label',
  matches: (line) => INLINE.test(line),
  parser: () => (line) => {
    const m = INLINE.exec(line);
    if (!m) return plain(line);
    const rest = m[5];
    const content = BGL_REST.exec(rest)?.[1] ?? THUNDERBIRD_REST.exec(rest)?.[1] ?? rest;
    return { ts: parseEpoch(+m[2]), entity: m[4], program: null, message: content.trimEnd(), inlineLabel: m[1] };
  },
};
