// VPN servers: OpenVPN's own log (`2026-11-23 10:15:01 alice/203.0.113.7:51234 MULTI: ...` or
// its ctime stamp `Mon Nov 23 10:15:01 2026 ...`) and Cisco ASA / AnyConnect syslog (`%ASA-6-722051: ...`).
import { userIn } from './entity.js';
import { plain, type FormatDefinition } from './definition.js';
import { monthIndex, parseIsoLike, utc, YearTracker } from './time.js';

const OPENVPN = /^(?:(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})|(?:[A-Z][a-z]{2}) ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})) (.*)$/;
const OPENVPN_PEER = /^([\w.@-]+)\/(?:\d{1,3}\.){3}\d{1,3}:\d+ /;
const OPENVPN_HINT = /MULTI|TLS|Peer Connection|VERIFY|SIGTERM|client-instance|AUTH|PUSH|Initialization Sequence|\/\d{1,3}(?:\.\d{1,3}){3}:\d+ /;
const ASA = /^(.*?)%(?:ASA|FTD|PIX)-(\d)-(\d{6}): (.*)$/;
const ASA_TIME = /([A-Z][a-z]{2}) +(\d{1,2})(?: (\d{4}))? (\d{2}):(\d{2}):(\d{2})/;

export const openvpn: FormatDefinition = {
  name: 'openvpn',
  matches: (line) => OPENVPN.test(line) && OPENVPN_HINT.test(line),
  parser: () => (line) => {
    const m = OPENVPN.exec(line);
    if (!m) return plain(line);
    const ts = m[1] ? parseIsoLike(m[1]) : utc(+m[7], monthIndex(m[2]), +m[3], +m[4], +m[5], +m[6]);
    const message = m[8].trimEnd();
    const peer = OPENVPN_PEER.exec(message);
    return { ts, entity: peer?.[1] ?? userIn(message), program: 'openvpn', message };
  },
};

export const ciscoAsa: FormatDefinition = {
  name: 'cisco-asa',
  matches: (line) => ASA.test(line),
  parser: ({ defaultYear }) => {
    const years = new YearTracker(defaultYear);
    return (line) => {
      const m = ASA.exec(line);
      if (!m) return plain(line);
      const t = ASA_TIME.exec(m[1]);
      const month = t ? monthIndex(t[1]) : -1;
      const ts = t ? utc(t[3] ? +t[3] : years.yearFor(month), month, +t[2], +t[4], +t[5], +t[6]) : parseIsoLike(m[1].trim());
      const message = m[4].trimEnd();
      return { ts, entity: userIn(message), program: `%ASA-${m[2]}-${m[3]}`, message };
    };
  },
};
