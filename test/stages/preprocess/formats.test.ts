// Format detection and field extraction, one small sample per format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLineParser, detectFormat } from '../../../src/stages/preprocess/formats/index.js';

const SAMPLES: Record<string, { lines: string[]; first: { ts: string | null; entity: string | null; message: string } }> = {
  'syslog-rfc3164': {
    lines: ['Nov 23 10:15:01 web1 sshd[812]: Failed password for invalid user admin from 203.0.113.9 port 52211 ssh2', 'Nov 23 10:15:09 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls', 'Nov 23 10:16:00 web1 CRON[901]: pam_unix(cron:session): session opened for user root by (uid=0)'],
    first: { ts: '2026-11-23T10:15:01.000Z', entity: 'admin', message: 'Failed password for invalid user admin from 203.0.113.9 port 52211 ssh2' },
  },
  'syslog-rfc5424': {
    lines: ['<34>1 2026-11-23T10:15:01.003Z mymachine su - ID47 - BOM\'su root\' failed for lonvick on /dev/pts/8', '<165>1 2026-11-23T10:15:02Z host app 1 ID2 [exampleSDID@32473 iut="3"] An application event'],
    first: { ts: '2026-11-23T10:15:01.003Z', entity: 'mymachine', message: "BOM'su root' failed for lonvick on /dev/pts/8" },
  },
  openvpn: {
    lines: ['2026-11-23 10:15:01 alice/203.0.113.7:51234 MULTI: Learn: 10.8.0.6 -> alice/203.0.113.7:51234', '2026-11-23 10:15:02 alice/203.0.113.7:51234 TLS: Username/Password authentication succeeded for username \'alice\''],
    first: { ts: '2026-11-23T10:15:01.000Z', entity: 'alice', message: 'alice/203.0.113.7:51234 MULTI: Learn: 10.8.0.6 -> alice/203.0.113.7:51234' },
  },
  'cisco-asa': {
    lines: ['Nov 23 2026 10:15:01: %ASA-6-722051: Group <VPN> User <bob> IP <198.51.100.4> IPv4 Address <10.1.1.5> assigned to session', 'Nov 23 2026 10:15:05: %ASA-4-113019: Group = VPN, Username = bob, IP = 198.51.100.4, Session disconnected.'],
    first: { ts: '2026-11-23T10:15:01.000Z', entity: 'bob', message: 'Group <VPN> User <bob> IP <198.51.100.4> IPv4 Address <10.1.1.5> assigned to session' },
  },
  'apache-error': {
    lines: ['[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties', '[Sun Dec 04 05:15:09 2005] [error] [client 222.166.160.184] Directory index forbidden by rule: /var/www/html/'],
    first: { ts: '2005-12-04T04:47:44.000Z', entity: null, message: 'workerEnv.init() ok /etc/httpd/conf/workers2.properties' },
  },
  'nginx-error': {
    lines: ['2026/11/23 10:15:01 [error] 1234#0: *5 open() "/var/www/x" failed (2: No such file or directory), client: 203.0.113.5, server: example.com', '2026/11/23 10:15:02 [warn] 1234#0: conflicting server name'],
    first: { ts: '2026-11-23T10:15:01.000Z', entity: '203.0.113.5', message: 'open() "/var/www/x" failed (2: No such file or directory), client: 203.0.113.5, server: example.com' },
  },
  'php-error': {
    lines: ['[23-Nov-2026 10:15:01 UTC] PHP Warning:  Undefined variable $x in /var/www/wp-content/plugins/a.php on line 12', '[23-Nov-2026 10:15:03 UTC] WordPress database error Table \'wp.wp_x\' doesn\'t exist for query SELECT 1'],
    first: { ts: '2026-11-23T10:15:01.000Z', entity: null, message: 'PHP Warning:  Undefined variable $x in /var/www/wp-content/plugins/a.php on line 12' },
  },
  jsonl: {
    lines: ['{"time":"2026-11-23T10:15:01Z","msg":"login failed","user":"carol"}', '{"timestamp":1795428901,"message":"login ok","user":"carol"}'],
    first: { ts: '2026-11-23T10:15:01.000Z', entity: 'carol', message: 'login failed' },
  },
  'loghub-hdfs': {
    lines: ['081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating', '081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating'],
    first: { ts: '2008-11-09T20:36:15.000Z', entity: 'blk_38865049064139660', message: 'PacketResponder 1 for block blk_38865049064139660 terminating' },
  },
  'loghub-inline-label': {
    lines: ['- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected', 'KERNDTLB 1118536327 2005.06.11 R30-M0-N9-C:J16-U01 2005-06-11-17.32.07.581048 R30-M0-N9-C:J16-U01 RAS KERNEL FATAL data TLB error interrupt'],
    first: { ts: '2005-06-03T22:42:50.000Z', entity: 'R02-M1-N0-C:J12-U11', message: 'instruction cache parity error corrected' },
  },
};

for (const [format, sample] of Object.entries(SAMPLES)) {
  test(`${format}: detected, and the first line's time, entity and message extracted`, () => {
    assert.equal(detectFormat(sample.lines).format, format);
    const parsed = createLineParser(format, { defaultYear: 2026 })(sample.lines[0]);
    assert.equal(parsed.ts === null ? null : new Date(parsed.ts).toISOString(), sample.first.ts);
    assert.equal(parsed.entity, sample.first.entity);
    assert.equal(parsed.message, sample.first.message);
  });
}

test('the inline label is returned apart and removed from the message', () => {
  const parsed = createLineParser('loghub-inline-label', { defaultYear: 2005 })(SAMPLES['loghub-inline-label'].lines[1]);
  assert.equal(parsed.inlineLabel, 'KERNDTLB');
  assert.equal(parsed.message, 'data TLB error interrupt');
});

test('a syslog file crossing New Year moves to the next year', () => {
  const parse = createLineParser('syslog-rfc3164', { defaultYear: 2025 });
  const years = ['Dec 31 23:59:58 h cron[1]: a', 'Jan  1 00:00:02 h cron[1]: b', 'Jan  1 00:00:03 h cron[1]: c'].map((line) => new Date(parse(line).ts!).getUTCFullYear());
  assert.deepEqual(years, [2025, 2026, 2026]);
});

test('lines of no known format fall back to generic, with an ISO time when there is one', () => {
  assert.equal(detectFormat(['hello world', 'another line']).format, 'generic');
  const parsed = createLineParser('generic', { defaultYear: 2026 })('2026-11-23T10:15:01+01:00 something happened');
  assert.equal(new Date(parsed.ts!).toISOString(), '2026-11-23T09:15:01.000Z');
  assert.equal(parsed.message, 'something happened');
});
