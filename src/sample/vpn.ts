// Synthetic OpenVPN server logs, one file per user: work-hour sessions with the alarming-looking
// single lines real servers have (a mistyped password, a reconnect), and labelled anomalies that only
// show in context: bursts, odd clients at night, far-away logins, upload bursts, overlapping sessions.
import type { Random } from '../runtime/random.js';
import type { LogWriter } from './log-writer.js';
import { IncidentSchedule } from './schedule.js';
import { isoTime } from './time-format.js';

export const VPN_CLASSES = Object.freeze(['brute_force', 'impossible_travel', 'off_hours', 'data_exfiltration', 'concurrent_session']);

const HOME = ['DE', 'FR', 'NL', 'GB', 'SE'];
const FAR = ['BR', 'SG', 'AU', 'ZA', 'KR', 'US'];
const PLATFORMS = ['win', 'mac'];

interface Peer {
  user: string;
  ip: string;
  port: number;
  country: string;
  platform: string;
  version: string;
  vip: string;
}

interface Ctx {
  w: LogWriter;
  r: Random;
  user: string;
  home: Peer;
  incidents: IncidentSchedule<string>;
}

const INCIDENTS = ['brute_force', 'off_hours', 'travel', 'exfiltration', 'concurrent', 'brute_force+off_hours', 'travel+concurrent'];

const hex = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
const ipOf = (r: Random, prefix?: string) => `${prefix ?? `${r.int(11, 223)}.${r.int(0, 255)}`}.${r.int(0, 255)}.${r.int(1, 254)}`;

function line(c: Ctx, prefix: string, message: string, labels: readonly string[], gap = c.r.next() * 2): void {
  c.w.advance(gap);
  c.w.emit((t) => `${isoTime(t)} ${prefix}${message}`, labels);
}

function peer(c: Ctx, overrides: Partial<Peer> = {}): Peer {
  return { ...c.home, ip: ipOf(c.r, c.home.ip.split('.').slice(0, 2).join('.')), port: c.r.int(40000, 65000), vip: `10.8.${c.r.int(0, 3)}.${c.r.int(2, 250)}`, ...overrides };
}

function failedAuth(c: Ctx, p: Peer, labels: readonly string[]): void {
  const at = `${p.ip}:${p.port} `;
  line(c, at, `TLS: Initial packet from [AF_INET]${p.ip}:${p.port}, sid=${hex(c.r, 8)} ${hex(c.r, 8)}`, labels);
  line(c, at, `VERIFY OK: depth=1, CN=Corp-VPN-CA`, labels, 0.1);
  line(c, at, `TLS Auth Error: Auth Username/Password verification failed for peer`, labels, 0.3);
  line(c, at, `SENT CONTROL [${p.user}]: 'AUTH_FAILED' (status=1)`, labels, 0.1);
}

function connect(c: Ctx, p: Peer, labels: readonly string[]): void {
  const at = `${p.ip}:${p.port} `;
  line(c, at, `TLS: Initial packet from [AF_INET]${p.ip}:${p.port}, sid=${hex(c.r, 8)} ${hex(c.r, 8)}`, labels);
  line(c, at, `VERIFY OK: depth=1, CN=Corp-VPN-CA`, labels, 0.1);
  line(c, at, `VERIFY OK: depth=0, CN=${p.user}`, labels, 0.1);
  line(c, at, `peer info: IV_VER=${p.version}`, labels, 0.1);
  line(c, at, `peer info: IV_PLAT=${p.platform}`, labels, 0.1);
  line(c, at, `TLS: Username/Password authentication succeeded for username '${p.user}'`, labels, 0.2);
  line(c, at, `Control Channel: TLSv1.3, cipher TLSv1.3 TLS_AES_256_GCM_SHA384, peer certificate: 2048 bit RSA, signature: RSA-SHA256`, labels, 0.1);
  line(c, at, `[${p.user}] Peer Connection Initiated with [AF_INET]${p.ip}:${p.port}`, labels, 0.1);
  const me = `${p.user}/${p.ip}:${p.port} `;
  line(c, me, `client-connect: geoip country=${p.country}`, labels, 0.2);
  line(c, me, `MULTI_sva: pool returned IPv4=${p.vip}, IPv6=(Not enabled)`, labels, 0.1);
  line(c, me, `MULTI: Learn: ${p.vip} -> ${p.user}/${p.ip}:${p.port}`, labels, 0.1);
  line(c, me, `MULTI: primary virtual IP for ${p.user}/${p.ip}:${p.port}: ${p.vip}`, labels, 0.1);
  line(c, me, `SENT CONTROL [${p.user}]: 'PUSH_REPLY,route 10.10.0.0 255.255.0.0,ping 10,ping-restart 120,ifconfig ${p.vip} 255.255.252.0' (status=1)`, labels, 0.5);
}

function softReset(c: Ctx, p: Peer, labels: readonly string[], gap: number, bytes: number): void {
  line(c, `${p.user}/${p.ip}:${p.port} `, `TLS: soft reset sec=${Math.round(gap)}/3600 bytes=${bytes}/-1 pkts=${Math.round(bytes / 1200)}/0`, labels, gap);
}

function disconnect(c: Ctx, p: Peer, labels: readonly string[], received: number, sent: number, gap = 1): void {
  const me = `${p.user}/${p.ip}:${p.port} `;
  line(c, me, c.r.chance(0.8) ? 'SIGTERM[soft,remote-exit] received, client-instance exiting' : '[' + p.user + '] Inactivity timeout (--ping-restart), restarting', labels, gap);
  line(c, me, `client-disconnect: bytes_received=${received} bytes_sent=${sent}`, labels, 0.1);
}

/** A working session of 1-4 hours with hourly key renegotiations and the occasional harmless oddity. */
function session(c: Ctx, p: Peer, labels: readonly string[] = []): void {
  if (c.r.chance(0.06)) {
    failedAuth(c, p, labels);
    c.w.advance(c.r.int(5, 40));
  }
  connect(c, p, labels);
  const hours = c.r.int(1, 4);
  for (let h = 0; h < hours; h++) {
    if (c.r.chance(0.04)) line(c, `${p.user}/${p.ip}:${p.port} `, 'TLS Error: TLS key negotiation failed to occur within 60 seconds (check your network connectivity)', labels, c.r.int(300, 1800));
    softReset(c, p, labels, c.r.int(3500, 3600), c.r.int(2e6, 9e7));
  }
  disconnect(c, p, labels, c.r.int(1e6, 2e8), c.r.int(1e7, 9e8), c.r.int(60, 1800));
}

function bruteForce(c: Ctx, labels: readonly string[]): void {
  const attempts = c.r.int(4, 8);
  const ip = ipOf(c.r);
  for (let i = 0; i < attempts; i++) {
    failedAuth(c, peer(c, { ip: c.r.chance(0.7) ? ip : ipOf(c.r), port: c.r.int(40000, 65000) }), labels);
    c.w.advance(c.r.int(1, 6));
  }
}

function nightSession(c: Ctx, labels: readonly string[]): void {
  const p = peer(c, { ip: ipOf(c.r), platform: 'linux', version: '2.5.5', country: c.r.pick(FAR) });
  connect(c, p, labels);
  softReset(c, p, labels, c.r.int(600, 1500), c.r.int(1e6, 5e6));
  disconnect(c, p, labels, c.r.int(1e6, 5e7), c.r.int(1e5, 1e7), c.r.int(60, 600));
}

function exfiltration(c: Ctx, labels: readonly string[]): void {
  const p = peer(c);
  connect(c, p, []);
  c.w.advance(c.r.int(600, 1800));
  const bursts = c.r.int(10, 25);
  for (let i = 0; i < bursts; i++) {
    softReset(c, p, labels, c.r.int(20, 90), c.r.int(5e8, 1.07e9));
    if (c.r.chance(0.5)) line(c, `${p.user}/${p.ip}:${p.port} `, 'MULTI: packet dropped due to output saturation (multi_process_incoming_tun)', labels, 0.5);
  }
  disconnect(c, p, labels, c.r.int(5e9, 4e10), c.r.int(1e7, 1e8));
}

function travel(c: Ctx, labels: readonly string[]): void {
  const far = peer(c, { ip: ipOf(c.r), country: c.r.pick(FAR) });
  connect(c, far, labels);
  softReset(c, far, labels, c.r.int(1200, 3000), c.r.int(2e6, 9e7));
  disconnect(c, far, labels, c.r.int(1e6, 2e8), c.r.int(1e7, 9e8), c.r.int(60, 900));
}

function concurrent(c: Ctx, first: Peer, labels: readonly string[]): void {
  const country = labels.includes('impossible_travel') ? c.r.pick(FAR) : first.country;
  const second = peer(c, { ip: ipOf(c.r), port: c.r.int(40000, 65000), vip: `10.8.9.${c.r.int(2, 250)}`, country });
  connect(c, second, labels);
  for (let i = 0; i < c.r.int(2, 4); i++) {
    softReset(c, first, labels, c.r.int(300, 900), c.r.int(2e6, 9e7));
    softReset(c, second, labels, c.r.int(30, 300), c.r.int(2e6, 9e7));
  }
  disconnect(c, second, labels, c.r.int(1e6, 2e8), c.r.int(1e7, 9e8));
  disconnect(c, first, labels, c.r.int(1e6, 2e8), c.r.int(1e7, 9e8), c.r.int(60, 600));
}

/** One day of a user: sessions in working hours, sometimes an incident. */
function day(c: Ctx, dayStart: number): void {
  const at = (hour: number) => (c.w.now = Math.max(c.w.now, dayStart + hour * 3600e3 + c.r.int(0, 3599) * 1000));
    const incident = c.incidents.due(c.w.lines, c.w.quota);
  if (incident === 'off_hours' || incident === 'brute_force+off_hours') {
    at(c.r.int(1, 3));
    if (incident !== 'off_hours') bruteForce(c, ['brute_force']);
    nightSession(c, ['off_hours']);
  }
  at(c.r.int(7, 9));
  if (incident === 'brute_force') bruteForce(c, ['brute_force']);
  const morning = peer(c);
  if (incident === 'concurrent' || incident === 'travel+concurrent') {
    connect(c, morning, []);
    c.w.advance(c.r.int(600, 1800));
    concurrent(c, morning, incident === 'concurrent' ? ['concurrent_session'] : ['concurrent_session', 'impossible_travel']);
  } else session(c, morning);
  if (incident === 'travel') {
    c.w.advance(c.r.int(600, 2400));
    travel(c, ['impossible_travel']);
  }
  at(c.r.int(12, 14));
  if (incident === 'exfiltration') exfiltration(c, ['data_exfiltration']);
  else session(c, peer(c));
}

export function writeVpnUser(w: LogWriter, r: Random, user: string, index: number): void {
  const country = r.pick(HOME);
  const c: Ctx = { w, r, user, home: { user, ip: ipOf(r), port: 0, country, platform: r.pick(PLATFORMS), version: r.pick(['2.6.8', '2.6.10']), vip: '' }, incidents: new IncidentSchedule(INCIDENTS, index) };
  const dayMs = 24 * 3600e3;
  for (let start = Math.floor(w.now / dayMs) * dayMs; !w.full; start += dayMs) day(c, start);
}
