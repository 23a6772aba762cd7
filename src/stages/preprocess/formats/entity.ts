// Finds the user a log message is about (sshd, sudo, su, VPN and web messages), for the
// `entity: field` mode; the host or the file stands in when no user is named.

const USER_PATTERNS: readonly RegExp[] = [
  /\bfor (?:invalid user |illegal user )?([\w.@-]+) from\b/,
  /\bInvalid user ([\w.@-]+) from\b/,
  /\buser[= ]<?([\w.@-]+)>?/i,
  /\bUSER=([\w.@-]+)/,
  /^([\w.@-]+) : TTY=/,
  /\bUsername = ([\w.@-]+)/,
  /\bby ([\w.@-]+)\(uid=\d+\)/,
];

export function userIn(message: string): string | null {
  for (const pattern of USER_PATTERNS) {
    const match = pattern.exec(message);
    if (match && match[1] !== 'unknown') return match[1];
  }
  return null;
}
