// Timestamp layouts of the sample formats (UTC).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const clock = (t: Date) => `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;

/** `2026-11-23 10:15:01` (OpenVPN). */
export const isoTime = (t: Date) => `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())} ${clock(t)}`;
/** `Nov  3 10:15:01` (syslog, day padded to two characters). */
export const syslogTime = (t: Date) => `${MONTHS[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2, ' ')} ${clock(t)}`;
/** `23-Nov-2026 10:15:01 UTC` (PHP). */
export const phpTime = (t: Date) => `${two(t.getUTCDate())}-${MONTHS[t.getUTCMonth()]}-${t.getUTCFullYear()} ${clock(t)} UTC`;

/** Hour of day (UTC) of an epoch-ms time. */
export const hourOf = (ms: number) => new Date(ms).getUTCHours();
