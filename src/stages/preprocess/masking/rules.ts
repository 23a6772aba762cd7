// Masking rules: which variable parts of a line become placeholder tokens, in order.
// The defaults cover addresses, identifiers, paths and numbers; users add their own in the config.
import { z } from 'zod';

export const maskingRuleSchema = z.strictObject({
  /** A short name for messages and meta.json. */
  name: z.string().regex(/^[a-z0-9_]+$/, 'rule names must match ^[a-z0-9_]+$'),
  /** A JavaScript regular expression (without slashes). */
  pattern: z.string().min(1),
  /** The token put in place of a match, e.g. <IP>. */
  mask_with: z.string().min(1),
  /** Regular expression flags besides g, e.g. "i". */
  flags: z.string().regex(/^[imsu]*$/, 'flags may only be i, m, s or u').optional(),
});

export type MaskingRule = z.infer<typeof maskingRuleSchema>;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

export const DEFAULT_MASKING_RULES: readonly MaskingRule[] = Object.freeze([
  { name: 'uuid', pattern: '\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b', mask_with: '<UUID>' },
  { name: 'url', pattern: '\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\\s"\'<>]+', mask_with: '<URL>' },
  { name: 'email', pattern: '\\b[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,8}\\b', mask_with: '<EMAIL>' },
  { name: 'mac', pattern: '\\b[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5}\\b', mask_with: '<MAC>' },
  { name: 'ipv6', pattern: '(?<![\\w:.])(?=[0-9a-fA-F:]{0,39}(?:::|[a-fA-F]))(?:[0-9a-fA-F]{1,4}:|:){2,7}(?:[0-9a-fA-F]{1,4}|:)(?![\\w:])', mask_with: '<IPV6>' },
  { name: 'ipv4', pattern: `(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?::\\d{1,5})?(?![\\d.])`, mask_with: '<IP>' },
  { name: 'block_id', pattern: 'blk_-?\\d+', mask_with: '<BLK>' },
  { name: 'path', pattern: '(?<![\\w.~])(?:~|\\.{1,2})?(?:/[\\w.@%+=:,-]+){2,}/?', mask_with: '<PATH>' },
  { name: 'hex', pattern: '\\b0x[0-9a-fA-F]+\\b|(?<![\\w-])(?=[0-9a-fA-F]{0,63}[a-fA-F])(?=[0-9a-fA-F]{0,63}\\d)[0-9a-fA-F]{8,64}(?![\\w-])', mask_with: '<HEX>' },
  { name: 'duration', pattern: '(?<![\\w.])\\d+(?:\\.\\d+)?(?:ms|us|µs|ns|s|sec|secs|min|mins|h)(?![\\w.])', mask_with: '<DUR>' },
  { name: 'number', pattern: '(?<![A-Za-z0-9_.])[-+]?\\d+(?:\\.\\d+)*(?![A-Za-z0-9_])', mask_with: '<NUM>' },
]);
