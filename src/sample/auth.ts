// Synthetic Linux auth.log, one file per host: admins logging in with keys, sudo, cron, and the
// internet's background of single failed logins and stray invalid users; labelled anomalies are
// bursts and sequences: brute force, user scans, privilege escalation, account tampering, root logins.
import type { Random } from '../runtime/random.js';
import type { LogWriter } from './log-writer.js';
import { IncidentSchedule } from './schedule.js';
import { syslogTime } from './time-format.js';

export const AUTH_CLASSES = Object.freeze(['ssh_brute_force', 'invalid_user_scan', 'privilege_escalation', 'account_manipulation', 'root_login']);

const SCAN_NAMES = ['admin', 'test', 'oracle', 'guest', 'ubuntu', 'postgres', 'git', 'ftpuser', 'pi', 'support', 'user', 'deploy', 'jenkins', 'hadoop', 'mysql'];
const COMMANDS = ['/usr/bin/apt update', '/usr/bin/systemctl restart nginx', '/usr/bin/journalctl -u nginx', '/bin/cat /var/log/syslog', '/usr/bin/docker ps'];

interface Ctx {
  w: LogWriter;
  r: Random;
  host: string;
  admins: string[];
  session: number;
  incidents: IncidentSchedule<string>;
}

const INCIDENTS = ['brute', 'scan', 'escalation', 'accounts', 'root', 'brute+root', 'escalation+accounts'];

const ipOf = (r: Random) => `${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;

function log(c: Ctx, program: string, message: string, labels: readonly string[] = [], gap = c.r.next() * 3): void {
  c.w.advance(gap);
  c.w.emit((t) => `${syslogTime(t)} ${c.host} ${program}: ${message}`, labels);
}

const sshd = (c: Ctx) => `sshd[${c.r.int(1000, 65000)}]`;

function adminLogin(c: Ctx, user: string, labels: readonly string[] = []): void {
  const ip = `10.20.${c.r.int(0, 3)}.${c.r.int(2, 250)}`;
  const port = c.r.int(40000, 65000);
  const d = sshd(c);
  if (c.r.chance(0.05)) log(c, d, `Failed password for ${user} from ${ip} port ${port} ssh2`, labels);
  log(c, d, `Accepted publickey for ${user} from ${ip} port ${port} ssh2: RSA SHA256:${c.r.int(1e8, 9e8).toString(36)}`, labels);
  log(c, d, `pam_unix(sshd:session): session opened for user ${user}(uid=${1000 + c.admins.indexOf(user)}) by (uid=0)`, labels, 0.1);
  log(c, 'systemd-logind[612]', `New session ${++c.session} of user ${user}.`, labels, 0.1);
  for (let i = 0; i < c.r.int(0, 3); i++) {
    const command = c.r.pick(COMMANDS);
    log(c, 'sudo', `${user} : TTY=pts/${c.r.int(0, 4)} ; PWD=/home/${user} ; USER=root ; COMMAND=${command}`, labels, c.r.int(20, 600));
    log(c, 'sudo', `pam_unix(sudo:session): session opened for user root(uid=0) by ${user}(uid=${1000 + c.admins.indexOf(user)})`, labels, 0.1);
    log(c, 'sudo', 'pam_unix(sudo:session): session closed for user root', labels, c.r.int(1, 30));
  }
  log(c, d, `Received disconnect from ${ip} port ${port}:11: disconnected by user`, labels, c.r.int(60, 3600));
  log(c, d, `pam_unix(sshd:session): session closed for user ${user}`, labels, 0.1);
  log(c, 'systemd-logind[612]', `Session ${c.session} logged out. Waiting for processes to exit.`, labels, 0.1);
}

function cron(c: Ctx): void {
  const pid = `CRON[${c.r.int(1000, 65000)}]`;
  log(c, pid, 'pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)', [], c.r.int(60, 1200));
  log(c, pid, 'pam_unix(cron:session): session closed for user root', [], c.r.int(1, 5));
}

function background(c: Ctx): void {
  const d = sshd(c);
  const ip = ipOf(c.r);
  if (c.r.chance(0.5)) {
    const name = c.r.pick(SCAN_NAMES);
    log(c, d, `Invalid user ${name} from ${ip} port ${c.r.int(1024, 65000)}`, [], c.r.int(60, 2400));
    log(c, d, `Connection closed by invalid user ${name} ${ip} port ${c.r.int(1024, 65000)} [preauth]`, [], 0.5);
  } else {
    log(c, d, `Failed password for root from ${ip} port ${c.r.int(1024, 65000)} ssh2`, [], c.r.int(60, 2400));
    log(c, d, `Connection closed by authenticating user root ${ip} port ${c.r.int(1024, 65000)} [preauth]`, [], 0.5);
  }
}

function bruteForce(c: Ctx, labels: readonly string[]): void {
  const ip = ipOf(c.r);
  for (let round = 0; round < c.r.int(2, 4); round++) {
    const d = sshd(c);
    for (let i = 0; i < c.r.int(3, 6); i++) log(c, d, `Failed password for root from ${ip} port ${c.r.int(1024, 65000)} ssh2`, labels, c.r.next() * 2);
    log(c, d, `error: maximum authentication attempts exceeded for root from ${ip} port ${c.r.int(1024, 65000)} ssh2 [preauth]`, labels, 0.2);
    log(c, d, 'Disconnecting authenticating user root ' + ip + ` port ${c.r.int(1024, 65000)}: Too many authentication failures [preauth]`, labels, 0.1);
    log(c, d, `PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip}  user=root`, labels, 0.1);
  }
}

function scan(c: Ctx, labels: readonly string[]): void {
  const ip = ipOf(c.r);
  for (let i = 0; i < c.r.int(5, 12); i++) {
    const d = sshd(c);
    const name = c.r.pick(SCAN_NAMES);
    log(c, d, `Invalid user ${name} from ${ip} port ${c.r.int(1024, 65000)}`, labels, c.r.next() * 3);
    log(c, d, `pam_unix(sshd:auth): check pass; user unknown`, labels, 0.1);
    log(c, d, `Failed password for invalid user ${name} from ${ip} port ${c.r.int(1024, 65000)} ssh2`, labels, 0.3);
    log(c, d, `Connection closed by invalid user ${name} ${ip} port ${c.r.int(1024, 65000)} [preauth]`, labels, 0.1);
  }
}

function escalation(c: Ctx, labels: readonly string[]): void {
  const user = 'www-data';
  log(c, 'sudo', `${user} : user NOT in sudoers ; TTY=pts/${c.r.int(0, 4)} ; PWD=/var/www ; USER=root ; COMMAND=/bin/bash`, labels, 5);
  for (let i = 0; i < c.r.int(2, 5); i++) {
    log(c, `su[${c.r.int(1000, 65000)}]`, `pam_unix(su:auth): authentication failure; logname=${user} uid=33 euid=0 tty=/dev/pts/1 ruser=${user} rhost=  user=root`, labels, c.r.int(2, 20));
    log(c, `su[${c.r.int(1000, 65000)}]`, `FAILED SU (to root) ${user} on pts/1`, labels, 0.5);
  }
  log(c, 'pkexec[' + c.r.int(1000, 65000) + ']', `${user}: Executing command [USER=root] [TTY=/dev/pts/1] [CWD=/tmp] [COMMAND=/tmp/.x/sh]`, labels, c.r.int(30, 300));
  log(c, `su[${c.r.int(1000, 65000)}]`, `(to root) ${user} on pts/1`, labels, 5);
  log(c, `su[${c.r.int(1000, 65000)}]`, `pam_unix(su:session): session opened for user root(uid=0) by ${user}(uid=33)`, labels, 0.1);
}

function accounts(c: Ctx, labels: readonly string[]): void {
  const name = c.r.pick(['sysupd', 'backup2', 'svc-mon', 'nagios1']);
  const uid = c.r.int(1001, 1999);
  log(c, `groupadd[${c.r.int(1000, 65000)}]`, `group added to /etc/group: name=${name}, GID=${uid}`, labels, 3);
  log(c, `useradd[${c.r.int(1000, 65000)}]`, `new user: name=${name}, UID=${uid}, GID=${uid}, home=/home/${name}, shell=/bin/bash, from=/dev/pts/2`, labels, 0.5);
  log(c, `usermod[${c.r.int(1000, 65000)}]`, `add '${name}' to group 'sudo'`, labels, c.r.int(5, 60));
  log(c, `passwd[${c.r.int(1000, 65000)}]`, `pam_unix(passwd:chauthtok): password changed for ${name}`, labels, c.r.int(5, 60));
  if (c.r.chance(0.5)) log(c, `chage[${c.r.int(1000, 65000)}]`, `changed password expiry for ${name}`, labels, 2);
}

function rootLogin(c: Ctx, labels: readonly string[]): void {
  const ip = ipOf(c.r);
  const port = c.r.int(1024, 65000);
  const d = sshd(c);
  log(c, d, `Accepted password for root from ${ip} port ${port} ssh2`, labels, 3);
  log(c, d, 'pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)', labels, 0.1);
  log(c, 'systemd-logind[612]', `New session ${++c.session} of user root.`, labels, 0.1);
  log(c, d, `Received disconnect from ${ip} port ${port}:11: disconnected by user`, labels, c.r.int(60, 900));
  log(c, d, 'pam_unix(sshd:session): session closed for user root', labels, 0.1);
}

function day(c: Ctx, dayStart: number): void {
  c.w.now = Math.max(c.w.now, dayStart + c.r.int(0, 1800) * 1000);
  for (let hour = 0; hour < 24 && !c.w.full; hour++) {
        const incident = c.incidents.due(c.w.lines, c.w.quota);
    c.w.now = Math.max(c.w.now, dayStart + hour * 3600e3);
    cron(c);
    if (hour >= 8 && hour <= 18 && c.r.chance(0.6)) adminLogin(c, c.r.pick(c.admins));
    for (let i = 0; i < c.r.int(0, 2); i++) background(c);
    if (incident) {
      if (incident.startsWith('brute')) bruteForce(c, ['ssh_brute_force']);
      if (incident === 'brute+root') rootLogin(c, ['root_login', 'ssh_brute_force']);
      if (incident === 'scan') scan(c, ['invalid_user_scan']);
      if (incident.startsWith('escalation')) escalation(c, ['privilege_escalation']);
      if (incident === 'escalation+accounts') accounts(c, ['account_manipulation', 'privilege_escalation']);
      if (incident === 'accounts') accounts(c, ['account_manipulation']);
      if (incident === 'root') rootLogin(c, ['root_login']);
    }
  }
}

export function writeAuthHost(w: LogWriter, r: Random, host: string, index: number): void {
  const c: Ctx = { w, r, host, admins: ['alice', 'bob', 'carol', 'dave'].slice(0, r.int(2, 4)), session: r.int(1, 500), incidents: new IncidentSchedule(INCIDENTS, index) };
  const dayMs = 24 * 3600e3;
  for (let start = Math.floor(w.now / dayMs) * dayMs; !w.full; start += dayMs) day(c, start);
}
